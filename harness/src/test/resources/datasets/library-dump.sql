--
-- PostgreSQL database dump
--

\restrict wB3pMweHYSJMObxZKuPH0GvFzHigMBGAhfRmKPweIhpuCDHFzcsJibvtryfkNWm

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: library; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA library;


ALTER SCHEMA library OWNER TO postgres;

--
-- Name: title_count(integer); Type: FUNCTION; Schema: library; Owner: postgres
--

CREATE FUNCTION library.title_count(a integer) RETURNS bigint
    LANGUAGE sql
    AS $$ SELECT count(*) FROM library.books WHERE author_id = a; $$;


ALTER FUNCTION library.title_count(a integer) OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: authors; Type: TABLE; Schema: library; Owner: postgres
--

CREATE TABLE library.authors (
    id integer NOT NULL,
    name text NOT NULL,
    born date
);


ALTER TABLE library.authors OWNER TO postgres;

--
-- Name: authors_id_seq; Type: SEQUENCE; Schema: library; Owner: postgres
--

ALTER TABLE library.authors ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME library.authors_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: books; Type: TABLE; Schema: library; Owner: postgres
--

CREATE TABLE library.books (
    id integer NOT NULL,
    author_id integer NOT NULL,
    title text NOT NULL,
    notes text
);


ALTER TABLE library.books OWNER TO postgres;

--
-- Name: books_id_seq; Type: SEQUENCE; Schema: library; Owner: postgres
--

ALTER TABLE library.books ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME library.books_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: prolific; Type: VIEW; Schema: library; Owner: postgres
--

CREATE VIEW library.prolific AS
 SELECT a.name,
    library.title_count(a.id) AS titles
   FROM library.authors a;


ALTER TABLE library.prolific OWNER TO postgres;

--
-- Name: loans; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.loans (
    book_id integer,
    borrowed date NOT NULL
);


ALTER TABLE public.loans OWNER TO postgres;

--
-- Data for Name: authors; Type: TABLE DATA; Schema: library; Owner: postgres
--

COPY library.authors (id, name, born) FROM stdin;
1	Ursula K. Le Guin	1929-10-21
2	Stanisław Lem	1921-09-12
3	Octavia E. Butler	\N
\.


--
-- Data for Name: books; Type: TABLE DATA; Schema: library; Owner: postgres
--

COPY library.books (id, author_id, title, notes) FROM stdin;
1	1	The Dispossessed	tab\there; and a\nnewline
2	1	A Wizard of Earthsea	\N
3	2	Solaris	back\\\\slash \\. not the end
4	3	Kindred	
\.


--
-- Data for Name: loans; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.loans (book_id, borrowed) FROM stdin;
1	2026-01-05
3	2026-02-11
\.


--
-- Name: authors_id_seq; Type: SEQUENCE SET; Schema: library; Owner: postgres
--

SELECT pg_catalog.setval('library.authors_id_seq', 3, true);


--
-- Name: books_id_seq; Type: SEQUENCE SET; Schema: library; Owner: postgres
--

SELECT pg_catalog.setval('library.books_id_seq', 4, true);


--
-- Name: authors authors_pkey; Type: CONSTRAINT; Schema: library; Owner: postgres
--

ALTER TABLE ONLY library.authors
    ADD CONSTRAINT authors_pkey PRIMARY KEY (id);


--
-- Name: books books_pkey; Type: CONSTRAINT; Schema: library; Owner: postgres
--

ALTER TABLE ONLY library.books
    ADD CONSTRAINT books_pkey PRIMARY KEY (id);


--
-- Name: books_author; Type: INDEX; Schema: library; Owner: postgres
--

CREATE INDEX books_author ON library.books USING btree (author_id);


--
-- Name: books books_author_id_fkey; Type: FK CONSTRAINT; Schema: library; Owner: postgres
--

ALTER TABLE ONLY library.books
    ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES library.authors(id);


--
-- Name: loans loans_book_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.loans
    ADD CONSTRAINT loans_book_id_fkey FOREIGN KEY (book_id) REFERENCES library.books(id);


--
-- PostgreSQL database dump complete
--

\unrestrict wB3pMweHYSJMObxZKuPH0GvFzHigMBGAhfRmKPweIhpuCDHFzcsJibvtryfkNWm

