package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenWebhooksTest {

    @Test
    void namesAWebhookSourceOrAStandardWebhooksSource() {
        OpenWebhooks open = new OpenWebhooks(new OpenWebhooksConfiguration(List.of(" zendesk", "standard/acme", "")));

        assertThat(open.isOpen("zendesk")).isTrue();
        assertThat(open.isOpen(OpenWebhooks.standard("acme"))).isTrue();
        assertThat(open.isOpen("intercom")).isFalse();
        assertThat(open.isOpen(OpenWebhooks.standard("other"))).isFalse();
    }

    @Test
    void aMisspeltSourceStopsTheStart() {
        assertThatThrownBy(() -> new OpenWebhooks(new OpenWebhooksConfiguration(List.of("zendsk"))))
                .hasMessageContaining("'zendsk', which is no webhook source");
        assertThatThrownBy(() -> new OpenWebhooks(new OpenWebhooksConfiguration(List.of("standard/"))))
                .hasMessageContaining("'standard/'");
    }
}
