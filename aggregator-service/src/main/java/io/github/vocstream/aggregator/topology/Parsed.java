package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;

/**
 * An annotated record after parsing: usable feedback, the retraction of an id (a record without a value), or the
 * original bytes bound for the dead-letter topic.
 */
sealed interface Parsed {

    Retracted RETRACTED = new Retracted();

    record Ok(AnnotatedFeedback feedback) implements Parsed {
    }

    record Retracted() implements Parsed {
    }

    record Bad(byte[] original) implements Parsed {
    }
}
