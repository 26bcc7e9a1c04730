package dev.stride.roadmap.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Email me my links": the address to send them to, if Stride knows it. */
public record SignInRequest(
        @NotBlank(message = "{NOT_BLANK}")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{EMAIL}")
        @Size(max = 254, message = "{MAX_CHARACTERS}") String email) {
}
