package blog.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** Optional details of a user: the table profiles, whose primary key user_id is also the foreign key to users. */
@Entity
@Table(name = "profiles")
public class Profile {

    @Id
    private Integer userId;

    /** The owning side of the one-to-one: the same column as the id, so it is never written through here. */
    @OneToOne(optional = false)
    @JoinColumn(name = "user_id")
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
