package dev.stride.roadmap.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A signed-in learner's name, language and address, as the home page's form sends them (the subscribe form's rules), and
 * {@code emails}: {@code digest} (one weekly email across all their roadmaps) or {@code separate} (one per roadmap); null
 * leaves the choice as it is.
 */
public record ProfileRequest(
        @NotBlank(message = "must not be blank")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ada@example.org")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "must be en or de") @Pattern(regexp = "en|de", message = "must be en or de") String locale,
        @Pattern(regexp = DIGEST + "|" + SEPARATE, message = "must be digest or separate") String emails) {

    public static final String DIGEST = "digest";
    public static final String SEPARATE = "separate";
}
