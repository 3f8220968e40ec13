package io.github.vocstream.common.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The document-level verdict derived from sentence sentiment. */
public enum SentimentLabel {
    @JsonProperty("negative") NEGATIVE,
    @JsonProperty("neutral") NEUTRAL,
    @JsonProperty("positive") POSITIVE
}
