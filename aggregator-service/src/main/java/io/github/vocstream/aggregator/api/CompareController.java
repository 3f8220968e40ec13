package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.SegmentComparison;
import io.github.vocstream.aggregator.api.view.ThemeList;
import io.github.vocstream.aggregator.api.view.ThemeSort;
import io.github.vocstream.common.segment.SegmentKey;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/compare?a=plan:pro&b=plan:free}: the themes whose share or negativity differs most between two
 * segments, with a significance test ({@link SegmentComparison}). Each segment is read where it is held.
 */
@Controller("/v1/compare")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompareController {

    private final SegmentRouter router;
    private final SegmentViews views;
    private final JsonMapper json;

    public CompareController(SegmentRouter router, SegmentViews views, JsonMapper json) {
        this.router = router;
        this.views = views;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public SegmentComparison compare(@Nullable @QueryValue String a, @Nullable @QueryValue String b, HttpRequest<?> request) {
        List<FieldError> errors = new ArrayList<>();
        for (var side : List.of(new String[] {"a", a}, new String[] {"b", b})) {
            if (side[1] == null || !SegmentKey.isWellFormed(side[1])) {
                errors.add(new FieldError(side[0], "must be a segment key such as plan:pro, or all, was "
                        + (side[1] == null ? "missing" : "'" + side[1] + "'")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return SegmentComparison.of(themesOf(a, request), themesOf(b, request));
    }

    private ThemeList themesOf(String segment, HttpRequest<?> request) {
        String path = "/v1/segments/" + URLEncoder.encode(segment, StandardCharsets.UTF_8) + "/themes?sort=mentions&limit="
                + ThemeController.MAX_LIMIT;
        String answer = router.answerJson(segment, path, SegmentRouter.credentialsOf(request),
                () -> views.themes(segment, ThemeSort.MENTIONS, ThemeController.MAX_LIMIT));
        try {
            return json.readValue(answer, ThemeList.class);
        } catch (IOException e) {
            throw ProblemException.unavailable("the instance holding segment '" + segment + "' answered garbage",
                    SegmentRouter.RETRY_AFTER);
        }
    }
}
