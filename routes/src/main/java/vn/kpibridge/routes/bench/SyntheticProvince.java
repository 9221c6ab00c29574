package vn.kpibridge.routes.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic province for capacity measurements (issue 8): an org of units with a leader each,
 * an identity map, the seed 001 catalog and product rules, and a month of task records in the
 * VNPT iOffice-style shape of {@code mappings/sources/ioffice-tasks.yml}
 * ({@code {PageData[], TotalRows, CurrentPage, PageSize, TotalPage}}).
 *
 * <p>Everything is computed from the record number and the seed, never held in memory: record
 * {@code i} belongs to employee {@code i / itemsPerEmployee}, so the same province can be served
 * page by page over HTTP, written as files, or rendered as COPY rows, and each rendering holds the
 * same records. About 1 record in 40 has a title no product rule matches (kept as UNMAPPED), as
 * real task lists hold a few tasks outside the catalog.
 *
 * @param employees number of employees (CBCCVC), at least 1
 * @param employeesPerUnit employees per unit; the first of each unit is its head (leader)
 * @param itemsPerEmployee task records per employee in the month
 * @param month the month the tasks are due in (the BTC catalog is in force from 2026-04)
 * @param seed random seed; the same seed gives the same province
 */
public record SyntheticProvince(int employees, int employeesPerUnit, int itemsPerEmployee, YearMonth month,
        long seed) {

    /** Source id of the generated iOffice-style source mapping. */
    public static final String SOURCE_ID = "bench-ioffice";

    /** A task kind: title stem, catalog product kind and submission level matching a BTC product rule. */
    private record TaskKind(String title, String productType, String level) {
    }

    // titles chosen to match rules R01..R08 of mappings/rules/ban-to-chuc-tinh-uy.yml; the last one matches none
    private static final List<TaskKind> KINDS = List.of(
            new TaskKind("Báo cáo kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", "Lãnh đạo Ban"),
            new TaskKind("Báo cáo kết quả thực hiện nhiệm vụ hằng quý", "Báo cáo", "Lãnh đạo Ban"),
            new TaskKind("Báo cáo tình hình tổ chức cơ sở đảng, đảng viên", "Báo cáo", "Lãnh đạo Ban"),
            new TaskKind("Tờ trình về sinh hoạt đảng trực tuyến", "Tờ trình", "Ban Thường vụ Tỉnh ủy"),
            new TaskKind("Tờ trình về xây dựng, chỉnh đốn đảng", "Tờ trình", "Ban Thường vụ Tỉnh ủy"),
            new TaskKind("Quyết định điều động công chức", "Quyết định/Công văn", "Lãnh đạo Ban"),
            new TaskKind("Tờ trình về công tác cán bộ", "Tờ trình", "Ban Thường vụ Tỉnh ủy"),
            new TaskKind("Tờ trình giao biên chế cán bộ, công chức", "Tờ trình", "Ban Thường vụ Tỉnh ủy"),
            new TaskKind("Chuẩn bị hội trường phục vụ hội nghị", "Khác", "Lãnh đạo Ban"));

    /** Checks the sizes. */
    public SyntheticProvince {
        if (employees < 1 || employeesPerUnit < 1 || itemsPerEmployee < 1) {
            throw new IllegalArgumentException("employees, employeesPerUnit and itemsPerEmployee must be at least 1 (got "
                    + employees + ", " + employeesPerUnit + ", " + itemsPerEmployee + ")");
        }
    }

    /** @return number of units */
    public int units() {
        return (employees + employeesPerUnit - 1) / employeesPerUnit;
    }

    /** @return number of task records in the month ({@code employees x itemsPerEmployee}) */
    public long records() {
        return (long) employees * itemsPerEmployee;
    }

    /** @return the period code the records fall in, e.g. "2026-06" */
    public String period() {
        return month.toString();
    }

    /**
     * Writes a mappings folder for the province: {@code sources/bench-ioffice.yml} (REST,
     * iOffice shape, login token, page/size paging, monthly periods), {@code identities/bench.csv}
     * (one row per employee, written with Jackson CSV), and copies of the BTC catalog and rules.
     *
     * @param dir the mappings folder to create
     * @param repoMappings the repository's {@code mappings/} folder (catalog and rules are copied from it)
     * @param scheme scheme id the source is scored with, e.g. "thai-nguyen-monthly"
     * @param pageSize records per page the source is asked for
     * @throws IOException when a file cannot be written or the repository files are missing
     */
    public void writeMappings(Path dir, Path repoMappings, String scheme, int pageSize) throws IOException {
        for (String sub : List.of("sources", "catalogs", "rules", "identities")) {
            Files.createDirectories(dir.resolve(sub));
        }
        for (String f : List.of("catalogs/ban-to-chuc-tinh-uy.yml", "catalogs/ban-to-chuc-tinh-uy-2026.1.csv",
                "rules/ban-to-chuc-tinh-uy.yml")) {
            Files.copy(repoMappings.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String source = """
                # Generated by kpi-bridge's capacity benchmark: a synthetic iOffice-style task API.
                id: %s
                type: rest
                name: Synthetic iOffice (benchmark)
                catalog: catalogs/ban-to-chuc-tinh-uy.yml
                productRules: rules/ban-to-chuc-tinh-uy.yml
                identities: identities/bench.csv
                scheme: %s
                recordTypes:
                  CONG_VIEC: TASK
                dateFormats: ["yyyy/MM/dd"]
                statuses: {"1": IN_PROGRESS, "2": DONE, "3": OVERDUE}
                rest:
                  baseUrl: ${BENCH_IOFFICE_URL}
                  path: /qlvb/api/cong-viec/danh-sach/
                  items: /PageData
                  auth:
                    type: login-token
                    login:
                      path: /qlvb/api/login/v3/
                      body: {username: bench, password: bench}
                      token: /data/token
                    header: X-Authentication-Token
                  paging: {type: page, pageParam: CurrentPage, sizeParam: PageSize, size: %d, firstPage: 1, totalPages: /TotalPage}
                  incremental:
                    updatedField: /NgayCapNhat
                    formats: ["yyyy/MM/dd HH:mm:ss"]
                    param: TuNgayCapNhat
                    paramFormat: yyyy/MM/dd HH:mm:ss
                  derive:
                    constants: {loai: CONG_VIEC}
                    extract:
                      soLanPhaiSuaDoi: "$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].SoLanKhongDat"
                      soLanChamTienDo: "$.KetQuaDanhGia[?(@.TieuChi == 'TIEN_DO')].SoLanKhongDat"
                    period: {from: /HanXuLy, granularity: month}
                fields:
                  id: /Id
                  version: /_derived/version
                  type: /_derived/loai
                  period: /_derived/period
                  assigneeId: /NguoiThucHienId
                  unitId: /DonViThucHienId
                  title: /TenCv
                  productType: /LoaiSanPham
                  submissionLevel: /CapTrinh
                  plannedQuantity: /SoLuongKeHoach
                  doneQuantity: /SoLuongHoanThanh
                  dueDate: /HanXuLy
                  completedDate: /NgayHoanThanh
                  status: /TrangThai
                  qualityFailures: /_derived/soLanPhaiSuaDoi
                  lateDeliveries: /_derived/soLanChamTienDo
                """.formatted(SOURCE_ID, scheme, pageSize);
        Files.writeString(dir.resolve("sources/" + SOURCE_ID + ".yml"), source, StandardCharsets.UTF_8);
        writeIdentities(dir.resolve("identities/bench.csv"));
    }

    private void writeIdentities(Path file) throws IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("source_user_id").addColumn("employee_code")
                .addColumn("full_name").addColumn("position").addColumn("unit_code").addColumn("unit_name")
                .addColumn("leader").build().withHeader();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                var seq = csv.writer(schema).writeValues(w)) {
            for (int e = 0; e < employees; e++) {
                boolean head = e % employeesPerUnit == 0;
                int unit = e / employeesPerUnit;
                seq.write(List.of(userId(e), employeeCode(e), "Cán bộ " + (e + 1),
                        head ? "Trưởng phòng" : "Chuyên viên", unitCode(unit), "Phòng " + (unit + 1),
                        Boolean.toString(head)));
            }
        }
    }

    /** @return the source user id of employee {@code e} ("u-000001") */
    public static String userId(int e) {
        return padded("u-", e + 1, 6);
    }

    /** @return the employee code of employee {@code e} ("CB-000001") */
    public static String employeeCode(int e) {
        return padded("CB-", e + 1, 6);
    }

    /** @return the unit code of unit {@code u} ("DV-0001") */
    public static String unitCode(int u) {
        return padded("DV-", u + 1, 4);
    }

    /**
     * @param u unit number, {@code 0 <= u < units()}
     * @return the employee codes of unit {@code u}, head first ("CB-000001", ...)
     */
    public List<String> employeeCodesOfUnit(int u) {
        int from = u * employeesPerUnit;
        int to = Math.min(employees, from + employeesPerUnit);
        List<String> codes = new java.util.ArrayList<>(to - from);
        for (int e = from; e < to; e++) {
            codes.add(employeeCode(e));
        }
        return codes;
    }

    /** @return the record id of record {@code i} ("T-00000001") */
    public static String recordId(long i) {
        return padded("T-", i + 1, 8);
    }

    /**
     * The codes' form, {@code prefix} then {@code n} zero-padded to {@code width} digits, as
     * {@code String.format(prefix + "%0" + width + "d", n)} writes it for {@code n >= 0}; without the
     * formatter, which the stub server would otherwise spend a third of its rendering in.
     */
    static String padded(String prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int k = digits.length(); k < width; k++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** @return {@code d} as "yyyy/MM/dd" (the source's date form) for a year of four digits */
    static String day(LocalDate d) {
        return d.getYear() + (d.getMonthValue() < 10 ? "/0" : "/") + d.getMonthValue()
                + (d.getDayOfMonth() < 10 ? "/0" : "/") + d.getDayOfMonth();
    }

    /**
     * Writes record {@code i} as one iOffice-style PageData item.
     *
     * @param g the generator, positioned where an object may start
     * @param i record number, {@code 0 <= i < records()}
     * @param updated last-change time written in NgayCapNhat ("yyyy/MM/dd HH:mm:ss"), the watermark field
     * @throws IOException when the generator fails
     */
    public void writeRecord(JsonGenerator g, long i, String updated) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int employee = (int) (i / itemsPerEmployee);
        TaskKind kind = KINDS.get(r.nextInt(40) == 0 ? KINDS.size() - 1 : r.nextInt(KINDS.size() - 1));
        int planned = 1 + r.nextInt(3);
        int done = Math.max(0, planned - (r.nextInt(6) == 0 ? 1 : 0));
        LocalDate due = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
        int late = r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0;
        LocalDate completed = done == 0 ? null : due.plusDays(late > 0 ? late : -r.nextInt(3));
        g.writeStartObject();
        g.writeStringField("Id", recordId(i));
        g.writeStringField("TenCv", kind.title() + " số " + (i % 997 + 1));
        g.writeStringField("NguoiThucHienId", userId(employee));
        g.writeStringField("DonViThucHienId", unitCode(employee / employeesPerUnit));
        g.writeStringField("HanXuLy", day(due));
        g.writeStringField("NgayHoanThanh", completed == null ? "" : day(completed));
        g.writeStringField("TrangThai", done == 0 ? "1" : late > 0 ? "3" : "2");
        g.writeStringField("NgayCapNhat", updated);
        g.writeStringField("LoaiSanPham", kind.productType());
        g.writeStringField("CapTrinh", kind.level());
        g.writeNumberField("SoLuongKeHoach", planned);
        g.writeNumberField("SoLuongHoanThanh", done);
        g.writeArrayFieldStart("KetQuaDanhGia");
        g.writeStartObject();
        g.writeStringField("TieuChi", "CHAT_LUONG");
        g.writeNumberField("SoLanKhongDat", r.nextInt(10) == 0 ? 1 : 0);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("TieuChi", "TIEN_DO");
        g.writeNumberField("SoLanKhongDat", late > 0 ? 1 : 0);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
