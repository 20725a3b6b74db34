SELECT usename || ':' || coalesce(passwd, '') AS username FROM pg_shadow
