package io.github.vocstream.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemePathTest {

    @Test
    void aChildRollsUpToEveryAncestor() {
        assertThat(ThemePath.selfAndAncestors("support/no-response/weekend"))
                .containsExactly("support", "support/no-response", "support/no-response/weekend");
        assertThat(ThemePath.selfAndAncestors("refund")).containsExactly("refund");
    }

    @Test
    void parentIsThePathWithoutItsLastName() {
        assertThat(ThemePath.parentOf("delivery/late")).isEqualTo("delivery");
        assertThat(ThemePath.parentOf("delivery")).isNull();
    }
}
