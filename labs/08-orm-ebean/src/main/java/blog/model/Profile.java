package blog.model;

import java.time.LocalDate;

/**
 * Optional details of a user: the table profiles. Its primary key user_id is also the foreign key to users.
 *
 * TODO exercise 1: map it (README section 3)
 *   - @Entity, @Table(name = "profiles"), @Id on userId (the column user_id);
 *   - user: @OneToOne(optional = false) with @JoinColumn(name = "user_id", insertable = false, updatable = false)
 *     (the same column as the id: it is written through userId, never through user);
 *   - bio, website and birthDate map their columns as they are.
 */
public class Profile {
    private Integer userId;

    /** The owning side of the one-to-one: the same column as the id, so it is never written through here. */
    private User user;

    private String bio;

    private String website;

    private LocalDate birthDate;

    public Integer getUserId() {
        return userId;
    }

    public User getUser() {
        return user;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }
}
