package dev.stride.roadmap.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Email me my links": the address to send them to, if Stride knows it. */
public record SignInRequest(
        @NotBlank(message = "must not be blank")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ada@example.org")
        @Size(max = 254, message = "must be at most 254 characters") String email) {
}
