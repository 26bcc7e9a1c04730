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
        @NotBlank(message = "{NOT_BLANK}")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{EMAIL}")
        @Size(max = 254, message = "{MAX_CHARACTERS}") String email,
        @NotBlank(message = "{NOT_BLANK}") @Size(max = 100, message = "{MAX_CHARACTERS}") String name,
        @NotNull(message = "{LANGUAGE}") @Pattern(regexp = "en|de", message = "{LANGUAGE}") String locale,
        @Pattern(regexp = DIGEST + "|" + SEPARATE, message = "{EMAILS_CHOICE}") String emails) {

    public static final String DIGEST = "digest";
    public static final String SEPARATE = "separate";
}
