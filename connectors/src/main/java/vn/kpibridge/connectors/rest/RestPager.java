package vn.kpibridge.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kpibridge.connectors.config.SourceMapping.Paging;
import vn.kpibridge.connectors.pull.JsonLocator;

/**
 * Walks the pages of one pull of a REST list call, in the styles of {@link Paging}: page number
 * and size with a page count, offset and limit with a total count, a next link (in the body or
 * the RFC 8288 {@code Link} header) or an opaque cursor.
 *
 * <p>Guards against paging settings that do not fit the API: a next link or cursor seen twice,
 * or more pages than the limit, end the pull with an {@link IllegalStateException} rather than
 * looping. One pager per pull; not thread-safe.
 */
public final class RestPager {
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*?\\brel\\s*=\\s*\"?next\"?",
            Pattern.CASE_INSENSITIVE);

    private final Paging paging;
    private final int maxPages;
    private final JsonLocator totalPages;
    private final JsonLocator total;
    private final JsonLocator next;
    private final JsonLocator cursor;
    private final Set<String> seen = new HashSet<>();

    /**
     * One page to ask for.
     *
     * @param number 1-based number of the page within this pull
     * @param params paging query parameters of the page (added to the source's fixed ones)
     * @param url absolute URL to call instead of the configured one (a followed next link), or null
     */
    public record PageRequest(int number, Map<String, String> params, String url) {
    }

    /**
     * @param paging the source's paging settings
     * @param maxPages most pages one pull may take
     */
    public RestPager(Paging paging, int maxPages) {
        this.paging = paging;
        this.maxPages = maxPages;
        this.totalPages = locator(paging.totalPages());
        this.total = locator(paging.total());
        this.next = locator(paging.next());
        this.cursor = locator(paging.cursor());
    }

    private static JsonLocator locator(String expression) {
        return expression == null ? null : JsonLocator.compile(expression);
    }

    /** @return the first page's request */
    public PageRequest first() {
        Map<String, String> p = new LinkedHashMap<>();
        switch (paging.type()) {
            case Paging.PAGE -> {
                p.put(paging.pageParam(), String.valueOf(paging.firstPage()));
                p.put(paging.sizeParam(), String.valueOf(paging.size()));
            }
            case Paging.OFFSET -> {
                p.put(paging.offsetParam(), "0");
                p.put(paging.limitParam(), String.valueOf(paging.size()));
            }
            case Paging.NEXT_LINK, Paging.CURSOR -> {
                if (paging.sizeParam() != null) {
                    p.put(paging.sizeParam(), String.valueOf(paging.size()));
                }
            }
            default -> {
            }
        }
        return new PageRequest(1, p, null);
    }

    /**
     * @param current the page just read
     * @param body its JSON answer
     * @param itemCount records it held
     * @param linkHeader its {@code Link} header, or null
     * @param currentUrl the absolute URL it was read from (to resolve a relative next link)
     * @return the next page's request, or empty when the pull is complete
     * @throws IllegalStateException when a next link or cursor repeats, or the page limit is passed
     */
    public Optional<PageRequest> next(PageRequest current, JsonNode body, int itemCount, String linkHeader,
            String currentUrl) {
        if (itemCount == 0 || Paging.NONE.equals(paging.type())) {
            return Optional.empty();
        }
        Optional<PageRequest> n = switch (paging.type()) {
            case Paging.PAGE -> nextPage(current, body, itemCount);
            case Paging.OFFSET -> nextOffset(current, body, itemCount);
            case Paging.NEXT_LINK -> nextLink(current, body, linkHeader, currentUrl);
            case Paging.CURSOR -> nextCursor(current, body);
            default -> Optional.empty();
        };
        if (n.isPresent() && current.number() >= maxPages) {
            throw new IllegalStateException("more than " + maxPages + " pages in one pull (kpi.sources.max-pages); "
                    + "check the paging settings of the source");
        }
        return n;
    }

    private Optional<PageRequest> nextPage(PageRequest current, JsonNode body, int itemCount) {
        Long pages = number(totalPages, body);
        boolean more = pages != null ? current.number() < pages : itemCount >= paging.size();
        if (!more) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>(current.params());
        p.put(paging.pageParam(), String.valueOf(paging.firstPage() + current.number()));
        return Optional.of(new PageRequest(current.number() + 1, p, null));
    }

    private Optional<PageRequest> nextOffset(PageRequest current, JsonNode body, int itemCount) {
        long offset = Long.parseLong(current.params().get(paging.offsetParam())) + itemCount;
        Long count = number(total, body);
        boolean more = count != null ? offset < count : itemCount >= paging.size();
        if (!more) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>(current.params());
        p.put(paging.offsetParam(), String.valueOf(offset));
        return Optional.of(new PageRequest(current.number() + 1, p, null));
    }

    private Optional<PageRequest> nextLink(PageRequest current, JsonNode body, String linkHeader, String currentUrl) {
        String link = next != null ? next.readText(body) : linkHeaderNext(linkHeader);
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String absolute = resolve(currentUrl, link.trim());
        if (!seen.add("link:" + absolute)) {
            throw new IllegalStateException("the next link " + absolute + " was already followed in this pull");
        }
        return Optional.of(new PageRequest(current.number() + 1, Map.of(), absolute));
    }

    private Optional<PageRequest> nextCursor(PageRequest current, JsonNode body) {
        String c = cursor.readText(body);
        if (c == null) {
            return Optional.empty();
        }
        if (!seen.add("cursor:" + c)) {
            throw new IllegalStateException("the cursor at " + cursor + " repeated a value already used in this pull");
        }
        Map<String, String> p = new LinkedHashMap<>(current.params());
        p.put(paging.cursorParam(), c);
        return Optional.of(new PageRequest(current.number() + 1, p, null));
    }

    /**
     * Resolves a next link against the URL of the page it came with (RFC 3986 §5.2; a link of
     * only a query, "?page=2", keeps the current path, which {@link URI#resolve} does not).
     *
     * @param current absolute URL of the current page
     * @param link absolute or relative next link
     * @return the absolute next URL
     * @throws IllegalStateException when the link is not a valid URI reference
     */
    static String resolve(String current, String link) {
        try {
            if (link.startsWith("?")) {
                int cut = current.indexOf('?');
                int hash = current.indexOf('#');
                int end = cut >= 0 ? cut : hash >= 0 ? hash : current.length();
                return current.substring(0, end) + link;
            }
            return URI.create(current).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the next link \"" + link + "\" is not a valid URL: " + e.getMessage(), e);
        }
    }

    /**
     * @param linkHeader an RFC 8288 {@code Link} header value, or null
     * @return the target of its {@code rel="next"} link, or null
     */
    public static String linkHeaderNext(String linkHeader) {
        if (linkHeader == null) {
            return null;
        }
        Matcher m = LINK_NEXT.matcher(linkHeader);
        return m.find() ? m.group(1) : null;
    }

    private static Long number(JsonLocator locator, JsonNode body) {
        if (locator == null) {
            return null;
        }
        JsonNode n = locator.readValue(body);
        if (n == null) {
            return null;
        }
        if (n.canConvertToLong() && n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
