package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.event.AnnotatedFeedback;

/** What became of one raw record: annotated, or rejected with the reason it goes to the dead-letter topic. */
public sealed interface Outcome {

    record Annotated(AnnotatedFeedback feedback) implements Outcome {
    }

    record Rejected(String reason, Throwable cause) implements Outcome {
    }
}
