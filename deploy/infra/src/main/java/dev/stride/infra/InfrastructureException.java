package dev.stride.infra;

/**
 * Something the infrastructure needs is missing or wrong. The message says what and how to fix it;
 * launchers print it on one line instead of a stack trace.
 */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
