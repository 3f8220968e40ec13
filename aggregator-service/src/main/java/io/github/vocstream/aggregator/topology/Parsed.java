package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;

/** An annotated record after parsing: usable feedback, or the original bytes bound for the dead-letter topic. */
sealed interface Parsed {

    record Ok(AnnotatedFeedback feedback) implements Parsed {
    }

    record Bad(byte[] original) implements Parsed {
    }
}
