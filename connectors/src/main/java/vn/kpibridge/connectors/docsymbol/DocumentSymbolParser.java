package vn.kpibridge.connectors.docsymbol;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses Vietnamese document symbols ("số, ký hiệu") of state and party documents.
 *
 * <h2>Syntax</h2>
 * <ul>
 *   <li>State (Nghị định 30/2020/NĐ-CP, Điều 8 khoản 3 and Phụ lục I, III):
 *       {@code number/TYPE-ISSUER} ({@code 156/QĐ-UBND}), legal normative documents with the year
 *       {@code number/year/TYPE-ISSUER} ({@code 30/2020/NĐ-CP}, {@code 01/2011/TT-BNV}), and công
 *       văn {@code number/ISSUER-UNIT} ({@code 1234/UBND-KT}, {@code 45/SNV-TCBC}) which has no
 *       type abbreviation: when the first part after the number is not a state type abbreviation
 *       the symbol is read as a công văn.</li>
 *   <li>Party (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW): {@code number-TYPE/ISSUER}
 *       ({@code 870-QĐ/TU}, {@code 02-HD/BTCTW}, {@code 21-NQ/TW}).</li>
 * </ul>
 *
 * <h2>Tolerated input</h2>
 * A leading "Số" / "Số:" is dropped; all whitespace (including no-break spaces) is removed, so
 * {@code "02 - HD/TU"} and {@code "156 / QĐ-UBND"} parse; en/em dashes and the minus sign read as
 * "-"; the Icelandic letter Ð (U+00D0, common after legacy font conversion) reads as Đ; input
 * is NFC-normalised; an abbreviation may differ in letter case only ({@code TTR} for {@code TTr}).
 *
 * <h2>Errors</h2>
 * {@link DocumentSymbolException} (naming the input) for a blank input, input in neither syntax,
 * a party or year-bearing state symbol whose type is in no table, a type written without its
 * diacritic ({@code QD} for {@code QĐ}: rejected rather than misread as a công văn issuer), a
 * type with no issuer, or an implausible year (outside 1945-2100).
 *
 * <h2>Known ambiguity</h2>
 * An issuer whose abbreviation equals a type abbreviation (Cục Thuế writes công văn as
 * {@code 123/CT-TTHT}) reads as that type (Chỉ thị); callers that know the type from elsewhere
 * (edXML {@code DocumentType}) can compare it with {@link DocumentSymbol#typeName()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DocumentSymbolParser {
    private static final String PART = "[\\p{L}\\p{N}.]+";
    private static final String FIRST = "\\p{L}[\\p{L}\\p{N}.]*";
    private static final Pattern STATE = Pattern.compile(
            "(\\d{1,6})/(?:(\\d{4})/)?(" + FIRST + "(?:-" + PART + ")*)");
    private static final Pattern PARTY = Pattern.compile("(\\d{1,6})-(\\p{L}+)/(" + FIRST + "(?:-" + PART + ")*)");
    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:số|so)\\s*[.:]?\\s*(?=\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]");
    private static final Pattern PARTY_NOTATION = Pattern.compile("^\\p{L}+/.*");

    private final DocumentTypeTable table;

    /** @param table the abbreviation tables to resolve types with */
    public DocumentSymbolParser(DocumentTypeTable table) {
        this.table = table;
    }

    /** @return a parser over the bundled tables ({@link DocumentTypeTable#standard()}) */
    public static DocumentSymbolParser standard() {
        return new DocumentSymbolParser(DocumentTypeTable.standard());
    }

    /**
     * @param symbol a full symbol such as "156/QĐ-UBND", "30/2020/NĐ-CP", "1234/UBND-KT",
     *     "870-QĐ/TU" or "Số: 02 - HD/BTCTW"
     * @return the parsed symbol
     * @throws DocumentSymbolException when the symbol is blank, in neither syntax, or its type is
     *     unknown (see class documentation)
     */
    public DocumentSymbol parse(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new DocumentSymbolException(symbol, "is blank");
        }
        String s = normalise(symbol);
        Matcher party = PARTY.matcher(s);
        if (party.matches()) {
            return party(symbol, party.group(1), party.group(2), party.group(3));
        }
        Matcher state = STATE.matcher(s);
        if (state.matches()) {
            return state(symbol, state.group(1), state.group(2), state.group(3));
        }
        throw new DocumentSymbolException(symbol, "is neither a state symbol (\"156/QĐ-UBND\", \"30/2020/NĐ-CP\", "
                + "công văn \"1234/UBND-KT\") nor a party symbol (\"870-QĐ/TU\")");
    }

    /**
     * Parses a symbol given as the two parts edXML carries (QCVN 102:2016/BTTTT
     * {@code Code/CodeNumber} and {@code Code/CodeNotation}). The notation is either the whole
     * symbol (it then starts with the number), a state notation ("QĐ-UBND", "2020/NĐ-CP",
     * "UBND-KT", joined as {@code number/notation}) or a party notation ("QĐ/TU", "-HD/BTCTW",
     * joined as {@code number-notation}).
     *
     * @param codeNumber the number, e.g. "45"
     * @param codeNotation the notation, e.g. "TTr/BTCTU" or "QĐ-UBND"
     * @return the parsed symbol
     * @throws DocumentSymbolException as {@link #parse(String)}; also when either part is blank
     */
    public DocumentSymbol parse(String codeNumber, String codeNotation) {
        String shown = codeNumber + " | " + codeNotation;
        if (codeNotation == null || codeNotation.isBlank()) {
            throw new DocumentSymbolException(shown, "code notation is blank");
        }
        String notation = normalise(codeNotation);
        if (notation.isEmpty()) {
            throw new DocumentSymbolException(shown, "code notation is blank");
        }
        if (codeNumber == null || codeNumber.isBlank()) {
            if (Character.isDigit(notation.charAt(0))) {
                return parse(notation); // the notation is the whole symbol
            }
            throw new DocumentSymbolException(shown, "code number is blank");
        }
        String number = normalise(codeNumber);
        if (notation.startsWith(number + "/") || notation.startsWith(number + "-")) {
            return parse(notation); // the notation repeats the number: it is the whole symbol
        }
        if (notation.startsWith("-")) {
            return parse(number + notation);
        }
        if (notation.startsWith("/")) {
            return parse(number + notation);
        }
        return parse(number + (PARTY_NOTATION.matcher(notation).matches() ? "-" : "/") + notation);
    }

    private DocumentSymbol party(String input, String number, String type, String issuer) {
        DocumentTypeEntry e = table.find(DocumentSystem.PARTY, type)
                .orElseThrow(() -> unknownType(input, DocumentSystem.PARTY, type));
        return new DocumentSymbol(number + "-" + e.abbreviation() + "/" + issuer, number, null, DocumentSystem.PARTY,
                e.abbreviation(), e.name(), issuer, null);
    }

    private DocumentSymbol state(String input, String number, String yearText, String notation) {
        Integer year = null;
        if (yearText != null) {
            year = Integer.valueOf(yearText);
            if (year < 1945 || year > 2100) {
                throw new DocumentSymbolException(input, "year " + year + " is not plausible (1945-2100)");
            }
        }
        String[] parts = notation.split("-");
        String prefix = number + "/" + (year == null ? "" : year + "/");
        Optional<DocumentTypeEntry> type = table.find(DocumentSystem.STATE, parts[0]);
        if (type.isPresent()) {
            if (parts.length < 2) {
                throw new DocumentSymbolException(input, "type " + type.get().abbreviation()
                        + " has no issuer after it (expected e.g. " + type.get().abbreviation() + "-UBND)");
            }
            String issuer = String.join("-", Arrays.copyOfRange(parts, 1, parts.length));
            DocumentTypeEntry e = type.get();
            return new DocumentSymbol(prefix + e.abbreviation() + "-" + issuer, number, year, DocumentSystem.STATE,
                    e.abbreviation(), e.name(), issuer, null);
        }
        Optional<DocumentTypeEntry> lookalike = table.lookalike(DocumentSystem.STATE, parts[0]);
        if (lookalike.isPresent() || year != null) {
            throw unknownType(input, DocumentSystem.STATE, parts[0]);
        }
        String unit = parts.length > 1 ? String.join("-", Arrays.copyOfRange(parts, 1, parts.length)) : null;
        return new DocumentSymbol(prefix + notation, number, null, DocumentSystem.STATE, null,
                DocumentSymbol.OFFICIAL_LETTER, parts[0], unit);
    }

    private DocumentSymbolException unknownType(String input, DocumentSystem system, String type) {
        Optional<DocumentTypeEntry> like = table.lookalike(system, type);
        if (like.isPresent()) {
            return new DocumentSymbolException(input, "type abbreviation \"" + type + "\" looks like "
                    + like.get().abbreviation() + " (" + like.get().name() + ") written without its diacritic;"
                    + " write it as in " + like.get().source());
        }
        String known = table.entries(system).stream().map(DocumentTypeEntry::abbreviation)
                .collect(Collectors.joining(", "));
        String where = system == DocumentSystem.PARTY ? "the party table (Hướng dẫn 36-HD/VPTW)"
                : "the state table (Nghị định 30/2020/NĐ-CP Phụ lục III and legal normative types)";
        return new DocumentSymbolException(input, "unknown type abbreviation \"" + type + "\" in " + where
                + "; known: " + known);
    }

    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = PREFIX.matcher(s).replaceFirst("");
        s = SPACES.matcher(s).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");
        return s.replace('\u00D0', 'Đ').replace('\u00F0', 'đ').replace('\u2215', '/').replace('\uFF0F', '/');
    }
}
