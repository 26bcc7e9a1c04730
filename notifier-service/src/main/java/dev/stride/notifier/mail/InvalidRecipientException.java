package dev.stride.notifier.mail;

/** The email cannot be addressed as given: a permanent failure, never worth a retry. */
public class InvalidRecipientException extends RuntimeException {

    public InvalidRecipientException(String message) {
        super(message);
    }
}
