package dev.stride.infra.mail;

import java.util.List;

/** What an SMTP sink received, read the way a test or a person reads it. */
public interface Inbox {

    /** Every message whose envelope names {@code address} as a recipient, oldest first. */
    List<StoredMail> messagesTo(String address);

    List<StoredMail> messages();

    /** A browser-openable URL of the inbox, if it has one. */
    String webUrl();
}
