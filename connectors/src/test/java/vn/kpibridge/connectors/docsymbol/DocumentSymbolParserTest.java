package vn.kpibridge.connectors.docsymbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentSymbolParserTest {
    private final DocumentSymbolParser parser = DocumentSymbolParser.standard();

    @Test
    void stateDecisionOfProvincialPeoplesCommittee() {
        DocumentSymbol s = parser.parse("156/QĐ-UBND");

        assertThat(s).isEqualTo(new DocumentSymbol("156/QĐ-UBND", "156", null, DocumentSystem.STATE, "QĐ",
                "Quyết định", "UBND", null));
        assertThat(s.numberValue()).isEqualTo(156);
        assertThat(s.isOfficialLetter()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "30/2020/NĐ-CP,   30, 2020, NĐ,   Nghị định,          CP",
        "01/2011/TT-BNV,  01, 2011, TT,   Thông tư,           BNV",
        "02/2023/TTLT-BTC-BNV, 02, 2023, TTLT, Thông tư liên tịch, BTC-BNV",
    })
    void legalNormativeDocumentsCarryTheYear(String input, String number, int year, String type, String name,
            String issuer) {
        DocumentSymbol s = parser.parse(input);

        assertThat(s.number()).isEqualTo(number);
        assertThat(s.year()).isEqualTo(year);
        assertThat(s.system()).isEqualTo(DocumentSystem.STATE);
        assertThat(s.typeAbbreviation()).isEqualTo(type);
        assertThat(s.typeName()).isEqualTo(name);
        assertThat(s.issuer()).isEqualTo(issuer);
        assertThat(s.text()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource({
        "1234/UBND-KT,  1234, UBND, KT",
        "45/SNV-TCBC,   45,   SNV,  TCBC",
        "678/UBND-VP.KGVX, 678, UBND, VP.KGVX",
        "9/BTCTU,       9,    BTCTU, ",
    })
    void officialLettersHaveIssuerAndDraftingUnitButNoType(String input, String number, String issuer, String unit) {
        DocumentSymbol s = parser.parse(input);

        assertThat(s.number()).isEqualTo(number);
        assertThat(s.year()).isNull();
        assertThat(s.system()).isEqualTo(DocumentSystem.STATE);
        assertThat(s.typeAbbreviation()).isNull();
        assertThat(s.typeName()).isEqualTo("Công văn");
        assertThat(s.isOfficialLetter()).isTrue();
        assertThat(s.issuer()).isEqualTo(issuer);
        assertThat(s.draftingUnit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @CsvSource({
        "870-QĐ/TU,    870, QĐ,  Quyết định, TU",
        "02-HD/BTCTW,  02,  HD,  Hướng dẫn,  BTCTW",
        "21-NQ/TW,     21,  NQ,  Nghị quyết, TW",
        "366-QĐ/TW,    366, QĐ,  Quyết định, TW",
        "36-HD/VPTW,   36,  HD,  Hướng dẫn,  VPTW",
        "08-QĐi/TW,    08,  QĐi, Quy định,   TW",
        "45-KL/TW,     45,  KL,  Kết luận,   TW",
        "15-TT/TU,     15,  TT,  Thông tri,  TU",
        "123-CV/BTCTU, 123, CV,  Công văn,   BTCTU",
        "45-TTr/BTCTU, 45,  TTr, Tờ trình,   BTCTU",
    })
    void partyDocuments(String input, String number, String type, String name, String issuer) {
        DocumentSymbol s = parser.parse(input);

        assertThat(s.system()).isEqualTo(DocumentSystem.PARTY);
        assertThat(s.number()).isEqualTo(number);
        assertThat(s.year()).isNull();
        assertThat(s.typeAbbreviation()).isEqualTo(type);
        assertThat(s.typeName()).isEqualTo(name);
        assertThat(s.issuer()).isEqualTo(issuer);
        assertThat(s.draftingUnit()).isNull();
        assertThat(s.text()).isEqualTo(input);
    }

    @Test
    void theSameAbbreviationMeansDifferentTypesInEachSystem() {
        assertThat(parser.parse("01/2011/TT-BNV").typeName()).isEqualTo("Thông tư");
        assertThat(parser.parse("15-TT/TU").typeName()).isEqualTo("Thông tri");
        assertThat(parser.parse("3/QyĐ-UBND").typeName()).isEqualTo("Quy định");
        assertThat(parser.parse("3-QĐi/TU").typeName()).isEqualTo("Quy định");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "02 - HD/TU           | 02-HD/TU",
        "156 / QĐ-UBND        | 156/QĐ-UBND",
        "Số: 870-QĐ/TU        | 870-QĐ/TU",
        "số 1234/UBND-KT      | 1234/UBND-KT",
        "SỐ 30 / 2020 / NĐ - CP | 30/2020/NĐ-CP",
        "02 – HD/BTCTW        | 02-HD/BTCTW",
        "156/QÐ-UBND          | 156/QĐ-UBND",
        "15/TTR-UBND          | 15/TTr-UBND",
    })
    void toleratesStraySpacesPrefixesDashesAndLegacyLetters(String input, String canonical) {
        assertThat(parser.parse(input).text()).isEqualTo(canonical);
    }

    @Test
    void noBreakSpacesAndDecomposedUnicodeAreNormalised() {
        String nfd = java.text.Normalizer.normalize("870\u00A0-\u00A0QĐ/TU", java.text.Normalizer.Form.NFD);

        DocumentSymbol s = parser.parse(nfd);

        assertThat(s.text()).isEqualTo("870-QĐ/TU");
        assertThat(s.typeName()).isEqualTo("Quyết định");
    }

    @Test
    void everyRowOfBothTablesParses() {
        DocumentTypeTable table = DocumentTypeTable.standard();
        assertThat(table.entries(DocumentSystem.STATE)).hasSize(35);
        assertThat(table.entries(DocumentSystem.PARTY)).hasSize(18);
        for (DocumentTypeEntry e : table.entries(DocumentSystem.STATE)) {
            DocumentSymbol s = parser.parse("7/" + e.abbreviation() + "-UBND");
            assertThat(s.typeAbbreviation()).as(e.abbreviation()).isEqualTo(e.abbreviation());
            assertThat(s.typeName()).as(e.abbreviation()).isEqualTo(e.name());
        }
        for (DocumentTypeEntry e : table.entries(DocumentSystem.PARTY)) {
            DocumentSymbol s = parser.parse("7-" + e.abbreviation() + "/TU");
            assertThat(s.typeName()).as(e.abbreviation()).isEqualTo(e.name());
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankIsAnError(String input) {
        assertThatThrownBy(() -> parser.parse(input)).isInstanceOf(DocumentSymbolException.class)
                .hasMessageContaining("is blank");
    }

    @Test
    void unknownPartyTypeNamesInputAndKnownTypes() {
        assertThatThrownBy(() -> parser.parse("12-XYZ/TU"))
                .isInstanceOf(DocumentSymbolException.class)
                .hasMessageStartingWith("document symbol \"12-XYZ/TU\": unknown type abbreviation \"XYZ\"")
                .hasMessageContaining("Hướng dẫn 36-HD/VPTW")
                .hasMessageContaining("QĐi")
                .satisfies(e -> assertThat(((DocumentSymbolException) e).input()).isEqualTo("12-XYZ/TU"));
    }

    @Test
    void aYearBearingSymbolNeedsAKnownType() {
        assertThatThrownBy(() -> parser.parse("30/2020/XX-CP"))
                .hasMessageStartingWith("document symbol \"30/2020/XX-CP\": unknown type abbreviation \"XX\"")
                .hasMessageContaining("Nghị định 30/2020/NĐ-CP Phụ lục III");
    }

    @Test
    void typeWithoutDiacriticIsRejectedNotMisreadAsAnIssuer() {
        assertThatThrownBy(() -> parser.parse("156/QD-UBND"))
                .isInstanceOf(DocumentSymbolException.class)
                .hasMessageContaining("\"QD\" looks like QĐ (Quyết định)");
        assertThatThrownBy(() -> parser.parse("870-QD/TU")).hasMessageContaining("looks like QĐ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Quyết định số 156        | is neither a state symbol",
        "QĐ-UBND                  | is neither a state symbol",
        "156/QĐ                   | type QĐ has no issuer",
        "1/1800/NĐ-CP             | year 1800 is not plausible",
        "870-QĐ/                  | is neither a state symbol",
    })
    void malformedSymbols(String input, String message) {
        assertThatThrownBy(() -> parser.parse(input)).isInstanceOf(DocumentSymbolException.class)
                .hasMessageContaining("\"" + input + "\"")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "45   | TTr/BTCTU     | 45-TTr/BTCTU",
        "02   | -HD/BTCTW     | 02-HD/BTCTW",
        "156  | QĐ-UBND       | 156/QĐ-UBND",
        "30   | 2020/NĐ-CP    | 30/2020/NĐ-CP",
        "1234 | UBND-KT       | 1234/UBND-KT",
        "870  | 870-QĐ/TU     | 870-QĐ/TU",
        "156  | 156/QĐ-UBND   | 156/QĐ-UBND",
        "     | 02-HD/BTCTW   | 02-HD/BTCTW",
    })
    void edxmlCodeNumberAndNotationAreJoinedBySystem(String number, String notation, String expected) {
        assertThat(parser.parse(number, notation).text()).isEqualTo(expected);
    }

    @Test
    void edxmlCodeWithoutNotationIsAnError() {
        assertThatThrownBy(() -> parser.parse("45", " ")).isInstanceOf(DocumentSymbolException.class)
                .hasMessageContaining("code notation is blank");
        assertThatThrownBy(() -> parser.parse("", "TTr/BTCTU")).hasMessageContaining("code number is blank");
        assertThatThrownBy(() -> parser.parse("45", "\u200B")).hasMessageContaining("code notation is blank");
    }

    @Test
    void jsonCarriesEveryPart() {
        assertThat(parser.parse("1234/UBND-KT").toJson().toString()).isEqualTo(
                "{\"text\":\"1234/UBND-KT\",\"number\":\"1234\",\"year\":null,\"system\":\"STATE\","
                        + "\"typeAbbreviation\":null,\"typeName\":\"Công văn\",\"issuer\":\"UBND\",\"draftingUnit\":\"KT\"}");
        assertThat(parser.parse("30/2020/NĐ-CP").toJson().get("year").intValue()).isEqualTo(2020);
    }
}
