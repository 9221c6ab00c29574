package vn.kpibridge.connectors.docsymbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.MappingFileException;

class DocumentTypeTableTest {

    @Test
    void standardTableHoldsDecree30AppendixIIIAndPartyTypes() {
        DocumentTypeTable t = DocumentTypeTable.standard();

        assertThat(t.find(DocumentSystem.STATE, "QyĐ")).get()
                .extracting(DocumentTypeEntry::name, DocumentTypeEntry::source)
                .containsExactly("Quy định", "Nghị định 30/2020/NĐ-CP Phụ lục III mục I.5");
        assertThat(t.find(DocumentSystem.STATE, "BGN")).get().extracting(DocumentTypeEntry::name)
                .isEqualTo("Bản ghi nhớ");
        assertThat(t.find(DocumentSystem.PARTY, "QĐi")).get().extracting(DocumentTypeEntry::name)
                .isEqualTo("Quy định");
        assertThat(t.find(DocumentSystem.PARTY, "KL")).isPresent();
        assertThat(t.find(DocumentSystem.STATE, "KL")).isEmpty();
    }

    @Test
    void lookupIgnoresCaseButNeverDiacritics() {
        DocumentTypeTable t = DocumentTypeTable.standard();

        assertThat(t.find(DocumentSystem.STATE, "ttr")).get().extracting(DocumentTypeEntry::abbreviation)
                .isEqualTo("TTr");
        assertThat(t.find(DocumentSystem.STATE, "HD")).get().extracting(DocumentTypeEntry::name)
                .isEqualTo("Hướng dẫn");
        assertThat(t.find(DocumentSystem.STATE, "HĐ")).get().extracting(DocumentTypeEntry::name)
                .isEqualTo("Hợp đồng");
        assertThat(t.find(DocumentSystem.STATE, "QD")).isEmpty();
        assertThat(t.lookalike(DocumentSystem.STATE, "QD")).get().extracting(DocumentTypeEntry::abbreviation)
                .isEqualTo("QĐ");
        assertThat(t.lookalike(DocumentSystem.STATE, "DA")).as("ĐA and DA both fold to DA").isEmpty();
    }

    @Test
    void anAdministratorTableCanAddTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("document-types.csv");
        Files.writeString(file, "system,abbreviation,name,source\nSTATE,QĐ,Quyết định,NĐ 30\nSTATE,GCN,Giấy chứng nhận,"
                + "quy chế văn thư của tỉnh\n");
        DocumentSymbolParser parser = new DocumentSymbolParser(DocumentTypeTable.load(file));

        assertThat(parser.parse("88/GCN-SNV").typeName()).isEqualTo("Giấy chứng nhận");
        assertThat(parser.parse("88/GCN-SNV").issuer()).isEqualTo("SNV");
    }

    @Test
    void duplicateAbbreviationNamesFileAndBothLines() {
        String csv = "system,abbreviation,name,source\nPARTY,HD,Hướng dẫn,HD 36\nPARTY,KL,Kết luận,HD 36\n"
                + "PARTY,HD,Hướng dẫn (trùng),HD 36\n";

        assertThatThrownBy(() -> DocumentTypeTable.load("types.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MappingFileException.class)
                .hasMessage("types.csv:4: abbreviation HD of PARTY already defined on line 2");
    }

    @Test
    void unknownSystemAndBlankCellsAreErrorsWithLine() {
        String csv = "system,abbreviation,name,source\nSTATE,QĐ,Quyết định,x\nNHA_NUOC,QĐ,Quyết định,x\n";
        assertThatThrownBy(() -> DocumentTypeTable.load("types.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("types.csv:3: system \"NHA_NUOC\" is not STATE or PARTY");

        String blank = "system,abbreviation,name,source\nSTATE,,Quyết định,x\n";
        assertThatThrownBy(() -> DocumentTypeTable.load("types.csv",
                new ByteArrayInputStream(blank.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("types.csv:2: column \"abbreviation\" is empty or missing");
    }
}
