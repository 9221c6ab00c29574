package vn.kpibridge.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.config.SourceMapping.Paging;
import vn.kpibridge.connectors.rest.RestPager.PageRequest;

/** The paging styles, their stop conditions and their loop guards. */
class RestPagerTest {
    final ObjectMapper mapper = new ObjectMapper();

    JsonNode json(String s) throws Exception {
        return mapper.readTree(s);
    }

    @Test
    void pageNumbersUntilTheTotalPagesOrAShortPage() throws Exception {
        RestPager p = new RestPager(new Paging("page", "CurrentPage", "PageSize", 2, 1, "/TotalPage", null, null, null,
                null, null, null), 100);
        PageRequest first = p.first();
        assertThat(first.params()).isEqualTo(Map.of("CurrentPage", "1", "PageSize", "2"));
        PageRequest second = p.next(first, json("{\"TotalPage\": 2}"), 2, null, "http://x/l").orElseThrow();
        assertThat(second.params()).containsEntry("CurrentPage", "2");
        assertThat(p.next(second, json("{\"TotalPage\": 2}"), 2, null, "http://x/l")).isEmpty();
        // no total in the answer: a short page ends the pull
        assertThat(p.next(first, json("{}"), 1, null, "http://x/l")).isEmpty();
        assertThat(p.next(first, json("{}"), 2, null, "http://x/l")).isPresent();
        assertThat(p.next(first, json("{\"TotalPage\": 9}"), 0, null, "http://x/l")).as("empty page").isEmpty();
    }

    @Test
    void offsetUntilTheTotalCount() throws Exception {
        RestPager p = new RestPager(new Paging("offset", null, null, 50, null, null, "offset", "limit", "$.meta.total",
                null, null, null), 100);
        PageRequest r = p.first();
        assertThat(r.params()).isEqualTo(Map.of("offset", "0", "limit", "50"));
        r = p.next(r, json("{\"meta\": {\"total\": 120}}"), 50, null, "http://x").orElseThrow();
        r = p.next(r, json("{\"meta\": {\"total\": 120}}"), 50, null, "http://x").orElseThrow();
        assertThat(r.params()).containsEntry("offset", "100");
        assertThat(p.next(r, json("{\"meta\": {\"total\": 120}}"), 20, null, "http://x")).isEmpty();
    }

    @Test
    void nextLinksFromTheBodyOrTheLinkHeaderResolvedAndNeverFollowedTwice() throws Exception {
        RestPager body = new RestPager(new Paging("next-link", null, null, null, null, null, null, null, null,
                "/links/next", null, null), 100);
        PageRequest first = body.first();
        Optional<PageRequest> n = body.next(first, json("{\"links\": {\"next\": \"?page=2\"}}"), 5, null,
                "https://api.tinh.gov.vn/v1/tasks?page=1");
        assertThat(n.orElseThrow().url()).isEqualTo("https://api.tinh.gov.vn/v1/tasks?page=2");
        assertThatThrownBy(() -> body.next(n.get(), json("{\"links\": {\"next\": \"?page=2\"}}"), 5, null,
                "https://api.tinh.gov.vn/v1/tasks?page=2")).hasMessageContaining("was already followed");

        RestPager header = new RestPager(new Paging("next-link", null, null, null, null, null, null, null, null, null,
                null, null), 100);
        String link = "<https://api.tinh.gov.vn/v1/tasks?page=1>; rel=\"prev\", "
                + "<https://api.tinh.gov.vn/v1/tasks?page=3>; rel=\"next\"";
        assertThat(header.next(header.first(), json("[]"), 5, link, "https://api.tinh.gov.vn/v1/tasks?page=2")
                .orElseThrow().url()).isEqualTo("https://api.tinh.gov.vn/v1/tasks?page=3");
        assertThat(header.next(header.first(), json("[]"), 5, null, "https://api.tinh.gov.vn/v1/tasks")).isEmpty();
    }

    @Test
    void cursorUntilNoneAndGuards() throws Exception {
        RestPager p = new RestPager(new Paging("cursor", null, "limit", 10, null, null, null, null, null, null, "after",
                "/meta/next"), 2);
        PageRequest r = p.next(p.first(), json("{\"meta\": {\"next\": \"c2\"}}"), 10, null, "http://x").orElseThrow();
        assertThat(r.params()).isEqualTo(Map.of("limit", "10", "after", "c2"));
        assertThatThrownBy(() -> p.next(r, json("{\"meta\": {\"next\": \"c3\"}}"), 10, null, "http://x"))
                .hasMessageContaining("more than 2 pages");
        RestPager q = new RestPager(new Paging("cursor", null, null, 10, null, null, null, null, null, null, "after",
                "/meta/next"), 100);
        PageRequest s = q.next(q.first(), json("{\"meta\": {\"next\": \"c2\"}}"), 10, null, "http://x").orElseThrow();
        assertThatThrownBy(() -> q.next(s, json("{\"meta\": {\"next\": \"c2\"}}"), 10, null, "http://x"))
                .hasMessageContaining("repeated");
        assertThat(q.next(s, json("{\"meta\": {\"next\": null}}"), 10, null, "http://x")).isEmpty();
    }
}
