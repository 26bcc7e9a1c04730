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

/**
 * German is complete: exactly the keys of the English {@link MailMessages} and {@link LeadMessages} (Quarkus would fall back
 * to English silently).
 */
class MailMessagesKeysTest {

    @Test
    void theGermanBundleHasExactlyTheEnglishKeys() throws Exception {
        Properties german = german("messages/msg_de.properties");
        assertThat(keys(MailMessages.class)).contains("lang", "steps");
        assertThat(new TreeSet<>(german.stringPropertyNames())).isEqualTo(keys(MailMessages.class));
        assertThat(german.getProperty("lang")).isEqualTo("de");
    }

    @Test
    void theGermanLeadBundleHasExactlyTheEnglishKeys() throws Exception {
        assertThat(keys(LeadMessages.class)).contains("leadNextStep", "variantChosen");
        assertThat(new TreeSet<>(german("messages/lead_de.properties").stringPropertyNames())).isEqualTo(keys(LeadMessages.class));
    }

    private static Set<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Properties german(String file) throws Exception {
        Properties german = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            assertThat(in).isNotNull();
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return german;
    }
}
