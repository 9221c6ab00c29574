package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.kpibridge.connectors.report.UnitReportSet;
import vn.kpibridge.connectors.target.PartyExportPackage;
import vn.kpibridge.connectors.target.SigningKeys;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.scoring.Period;

/**
 * Writes the signed export package for the party-management system of a unit and period to
 * {@code <kpi.party.outbox-dir>/<period>/<period>_<unit>.zip}: {@code evaluations.json} (the latest
 * evaluation of each employee, as published on the queue), the unit's report forms as
 * {@link SummaryReportService} left them in the period folder (quarterly: {@code mau-04_<unit>.xlsx},
 * {@code mau-05_<unit>.xlsx}, {@code mau-06_<unit>.xlsx}; every scheme:
 * {@code tong-hop-xep-loai_<unit>.xlsx}; monthly: {@code ket-qua-thang_<unit>.xlsx},
 * {@code de-nghi-khen-thuong_<unit>.xlsx}), each employee's scoring workbook
 * ({@code can-bo/<employee>.xlsx}), the manifest with the size and SHA-256 of every file and its
 * detached Ed25519 signature ({@link PartyExportPackage}).
 *
 * <p>The key pair comes from {@code kpi.party.signing.private-key} / {@code public-key} (PEM);
 * with {@code kpi.party.signing.generate-if-missing=true} (the embedded default) a pair is created
 * under {@code ./data/keys} on first start. Until the approval workflow exists the package's
 * status is {@code PROPOSED}: the unit's proposals for the approving authority.
 */
@Service
public class PartyPackageService {
    private final Path outboxDir;
    private final Path publicKeyFile;
    private final KeyPair keys;
    private final String keyId;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PartyExportPackage writer = new PartyExportPackage();

    /**
     * @throws IOException when the key files are missing (and generation is off) or invalid
     */
    public PartyPackageService(@Value("${kpi.party.outbox-dir}") String outboxDir,
            @Value("${kpi.party.signing.private-key}") String privateKey,
            @Value("${kpi.party.signing.public-key}") String publicKey,
            @Value("${kpi.party.signing.generate-if-missing}") boolean generate) throws IOException {
        this.outboxDir = Path.of(outboxDir);
        this.publicKeyFile = Path.of(publicKey);
        this.keys = SigningKeys.loadOrCreate(Path.of(privateKey), publicKeyFile, generate);
        this.keyId = "sha256:" + PartyExportPackage.sha256(keys.getPublic().getEncoded());
    }

    /** @return the public key file receivers verify packages with */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * @param unit any (employee, period) of the unit
     * @param summaryXlsx the unit's main summary as {@link SummaryReportService#writeUnitSummary}
     *     returned it; the unit's other report forms are taken from the same folder
     * @param latest the latest evaluation version of each employee of the unit for the period, by
     *     employee code ({@code EvaluationRepository.findLatestByUnitAndPeriod}), as the reports were
     *     written from
     * @return the written package
     * @throws UncheckedIOException when it cannot be written
     */
    public Path writePackage(EmployeePeriod unit, Path summaryXlsx, List<EvaluationEntity> latest) {
        try {
            ArrayNode results = mapper.createArrayNode();
            Map<String, byte[]> sheets = new LinkedHashMap<>();
            for (EvaluationEntity e : latest) {
                Path sheet = UnitReportSet.employeeSheet(summaryXlsx.getParent(), unit.unitCode(), e.employeeCode);
                if (Files.exists(sheet)) {
                    sheets.put("can-bo/" + e.employeeCode + ".xlsx", Files.readAllBytes(sheet));
                }
                ObjectNode n = results.addObject();
                n.put("employeeCode", e.employeeCode);
                n.put("period", e.period);
                n.put("version", e.version);
                n.put("idempotencyKey", e.idempotencyKey());
                n.put("totalPoints", e.totalPoints);
                n.put("pointsBand", e.pointsBand);
                n.put("proposedRating", e.proposedRating);
                n.set("evaluation", mapper.readTree(e.result));
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("evaluations.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
            List<Path> forms = new ArrayList<>(UnitReportSet.existingForms(summaryXlsx.getParent(), unit.unitCode()));
            if (!forms.contains(summaryXlsx)) {
                forms.add(0, summaryXlsx);
            }
            for (Path form : forms) {
                files.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
            files.putAll(sheets);
            ObjectNode header = mapper.createObjectNode()
                    .put("unitCode", unit.unitCode())
                    .put("unitName", unit.unitName())
                    .put("period", unit.period())
                    .put("periodLabel", Period.parse(unit.period()).label())
                    .put("status", "PROPOSED")
                    .put("producer", "kpi-bridge");
            Path target = outboxDir.resolve(unit.period()).resolve(unit.period() + "_" + unit.unitCode() + ".zip");
            return writer.write(target, header, files, keys.getPrivate(), keyId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the party package of " + unit.unitCode() + " " + unit.period(), e);
        }
    }
}
