package vn.kpibridge.routes.source;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The watermark of each REST or SQL source (table {@code source_watermark}, migration V2): the
 * newest last-updated time, on the source's own clock, among the records of its last complete
 * pull. The next pull asks for (or keeps) records updated at or after it.
 */
@Component
public class WatermarkStore {
    private final JdbcTemplate jdbc;

    /** @param jdbc the application's database */
    public WatermarkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param sourceId source id
     * @return the stored watermark, or empty before the first complete pull
     */
    public Optional<LocalDateTime> read(String sourceId) {
        List<LocalDateTime> rows = jdbc.query("select watermark from source_watermark where source_id = ?",
                (rs, i) -> rs.getObject(1, LocalDateTime.class), sourceId);
        return rows.stream().findFirst();
    }

    /**
     * Moves the watermark forward; never backwards (a later value already stored stands).
     *
     * @param sourceId source id
     * @param watermark newest updated time of the records just stored
     */
    public void advance(String sourceId, LocalDateTime watermark) {
        jdbc.update("insert into source_watermark (source_id, watermark, updated_at) values (?, ?, now()) "
                + "on conflict (source_id) do update set watermark = greatest(source_watermark.watermark, "
                + "excluded.watermark), updated_at = now()", sourceId, watermark);
    }
}
