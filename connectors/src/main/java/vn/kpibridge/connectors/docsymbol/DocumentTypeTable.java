package vn.kpibridge.connectors.docsymbol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.kpibridge.connectors.config.MappingFileException;

/**
 * The abbreviation tables of document types, per {@link DocumentSystem}, read from a UTF-8 CSV
 * with the header {@code system,abbreviation,name,source} (one row per type; {@code system} is
 * {@code STATE} or {@code PARTY}).
 *
 * <p>The bundled table ({@link #standard()}, resource
 * {@value #RESOURCE}) holds Nghị định 30/2020/NĐ-CP Phụ lục III (administrative documents and
 * copies), the legal-normative types that carry a year ({@code NĐ}, {@code TT}, {@code TTLT},
 * {@code NQLT}, {@code L}) and the party types of Quy định 66-QĐ/TW / Hướng dẫn 36-HD/VPTW.
 * Công văn has no abbreviation in state symbols and is recognised by the parser's syntax instead.
 */
public final class DocumentTypeTable {
    /** Classpath resource of the bundled table. */
    public static final String RESOURCE = "/vn/kpibridge/connectors/docsymbol/document-types.csv";

    private static volatile DocumentTypeTable standard;

    private final Map<DocumentSystem, Map<String, DocumentTypeEntry>> bySystem = new EnumMap<>(DocumentSystem.class);

    private DocumentTypeTable(List<DocumentTypeEntry> entries) {
        for (DocumentSystem s : DocumentSystem.values()) {
            bySystem.put(s, new LinkedHashMap<>());
        }
        for (DocumentTypeEntry e : entries) {
            bySystem.get(e.system()).put(e.abbreviation(), e);
        }
    }

    /**
     * @return the bundled table (loaded once from {@value #RESOURCE})
     * @throws MappingFileException if the bundled resource is broken (a packaging error)
     */
    public static DocumentTypeTable standard() {
        DocumentTypeTable t = standard;
        if (t == null) {
            try (InputStream in = DocumentTypeTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new MappingFileException(RESOURCE, 0, "resource missing from the classpath", null);
                }
                t = load(RESOURCE, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            standard = t;
        }
        return t;
    }

    /**
     * @param file a table CSV an administrator maintains (same columns as the bundled one)
     * @return the table
     * @throws MappingFileException naming file and line of an unknown system, a blank cell or a
     *     duplicate abbreviation within one system
     */
    public static DocumentTypeTable load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), 0, "cannot read: " + e, e);
        }
    }

    /**
     * @param name file name used in messages
     * @param in UTF-8 CSV bytes; not closed
     * @return the table
     * @throws MappingFileException naming file and line of a bad row
     */
    public static DocumentTypeTable load(String name, InputStream in) {
        List<DocumentTypeEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(reader)) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                int line = it.getCurrentLocation().getLineNr() - 1;
                String system = cell(name, line, row, "system");
                String abbreviation = Normalizer.normalize(cell(name, line, row, "abbreviation"), Normalizer.Form.NFC);
                DocumentSystem s;
                try {
                    s = DocumentSystem.valueOf(system);
                } catch (IllegalArgumentException e) {
                    throw new MappingFileException(name, line, "system \"" + system + "\" is not STATE or PARTY", e);
                }
                Integer previous = seen.put(s + "/" + abbreviation, line);
                if (previous != null) {
                    throw new MappingFileException(name, line, "abbreviation " + abbreviation + " of " + s
                            + " already defined on line " + previous, null);
                }
                String source = row.get("source");
                entries.add(new DocumentTypeEntry(s, abbreviation, cell(name, line, row, "name"),
                        source == null ? "" : source.trim()));
            }
        } catch (JsonProcessingException e) {
            throw new MappingFileException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingFileException(name, 0, "cannot read: " + e, e);
        }
        return new DocumentTypeTable(entries);
    }

    private static String cell(String name, int line, Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new MappingFileException(name, line, "column \"" + column + "\" is empty or missing", null);
        }
        return v.trim();
    }

    /**
     * Looks an abbreviation up in one system: exact spelling first, then ignoring letter case when
     * that gives exactly one entry ({@code "TTR"} finds {@code TTr}). Diacritics are never
     * ignored: {@code HD} (Hướng dẫn) and {@code HĐ} (Hợp đồng) are different types.
     *
     * @param system the system whose table to search
     * @param abbreviation the abbreviation as written (NFC)
     * @return the entry, or empty when the table has none
     */
    public Optional<DocumentTypeEntry> find(DocumentSystem system, String abbreviation) {
        Map<String, DocumentTypeEntry> table = bySystem.get(system);
        DocumentTypeEntry exact = table.get(abbreviation);
        if (exact != null) {
            return Optional.of(exact);
        }
        String lower = abbreviation.toLowerCase(Locale.ROOT);
        List<DocumentTypeEntry> hits = table.values().stream()
                .filter(e -> e.abbreviation().toLowerCase(Locale.ROOT).equals(lower)).toList();
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /**
     * Finds an entry that matches once diacritics and case are dropped ({@code QD} looks like
     * {@code QĐ}), used to reject a mistyped abbreviation instead of misreading it as an issuer.
     *
     * @param system the system whose table to search
     * @param abbreviation the abbreviation as written
     * @return the single look-alike entry, or empty when there is none or more than one
     */
    public Optional<DocumentTypeEntry> lookalike(DocumentSystem system, String abbreviation) {
        String folded = fold(abbreviation);
        List<DocumentTypeEntry> hits = bySystem.get(system).values().stream()
                .filter(e -> fold(e.abbreviation()).equals(folded)).toList();
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /**
     * @param system a system
     * @return that system's entries in table order (unmodifiable)
     */
    public List<DocumentTypeEntry> entries(DocumentSystem system) {
        return Collections.unmodifiableList(new ArrayList<>(bySystem.get(system).values()));
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace('Đ', 'D').replace('đ', 'd').toUpperCase(Locale.ROOT);
    }
}
