package dev.stride.notifier.mail;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** German is complete: exactly the keys of the English {@link MailMessages} (Quarkus would fall back to English silently). */
class MailMessagesKeysTest {

    @Test
    void theGermanBundleHasExactlyTheEnglishKeys() throws Exception {
        Set<String> english = Arrays.stream(MailMessages.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties german = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/msg_de.properties")) {
            assertThat(in).isNotNull();
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(english).contains("lang", "steps");
        assertThat(new TreeSet<>(german.stringPropertyNames())).isEqualTo(english);
        assertThat(german.getProperty("lang")).isEqualTo("de");
    }
}
