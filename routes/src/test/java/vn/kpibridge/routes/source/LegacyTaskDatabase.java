package vn.kpibridge.routes.source;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The legacy task database the shipped SQL source {@code qlcv-btc} polls, made on the embedded
 * PostgreSQL of the flow tests: a database of its own with schema {@code qlcv}, the task table
 * {@code qlcv.cong_viec} and the view {@code qlcv.v_cong_viec_kpi} the mapping reads. Each
 * {@link #create} starts from an empty table; the tests add their rows with {@link #task} and
 * {@link #selfAssessment}. Its connection goes to the application through the environment
 * variables application.yml maps (QLCV_JDBC_URL, user {@code postgres}, empty password).
 */
public final class LegacyTaskDatabase {
    /** JDBC URL of the database, for QLCV_JDBC_URL. */
    public final String url;
    /** A connection to it, for the rows of a test. */
    public final JdbcTemplate jdbc;

    private LegacyTaskDatabase(String url) {
        this.url = url;
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    }

    /**
     * Creates the database if it does not exist and (re)creates its schema, table and view, empty.
     *
     * @param main the application's database (same server)
     * @param name database name, e.g. "qlcv_legacy"
     * @return the database
     * @throws SQLException when the server's URL cannot be read
     */
    public static LegacyTaskDatabase create(JdbcTemplate main, String name) throws SQLException {
        String url;
        try (Connection c = main.getDataSource().getConnection()) {
            url = c.getMetaData().getURL();
        }
        if (main.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, name) == 0) {
            main.execute("create database " + name);
        }
        LegacyTaskDatabase db = new LegacyTaskDatabase(url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1"));
        db.jdbc.execute("drop schema if exists qlcv cascade");
        db.jdbc.execute("create schema qlcv");
        db.jdbc.execute("""
                create table qlcv.cong_viec (
                    ma_cong_viec varchar(50) primary key, loai varchar(20) not null, ky varchar(10),
                    nguoi_thuc_hien varchar(50), don_vi varchar(50), ten_cong_viec text, san_pham text, cap_trinh text,
                    so_luong_ke_hoach numeric(10,2), so_luong_hoan_thanh numeric(10,2), han_xu_ly date,
                    ngay_hoan_thanh date, trang_thai varchar(20), so_lan_phai_sua_doi integer,
                    so_lan_cham_tien_do integer, so_lan_lanh_dao_khong_dat integer, he_so_chat_luong numeric(4,2),
                    he_so_tien_do numeric(4,2), he_so_lanh_dao numeric(4,2), ly_do_khach_quan text,
                    diem_tieu_chi_chung numeric(5,2), tu_de_xuat_xep_loai varchar(20),
                    ngay_cap_nhat timestamp not null)""");
        db.jdbc.execute("""
                create view qlcv.v_cong_viec_kpi as
                select ma_cong_viec, loai, coalesce(ky, to_char(han_xu_ly, 'YYYY-"Q"Q')) as ky, nguoi_thuc_hien,
                       don_vi, ten_cong_viec, san_pham, cap_trinh, so_luong_ke_hoach, so_luong_hoan_thanh, han_xu_ly,
                       ngay_hoan_thanh, trang_thai, so_lan_phai_sua_doi, so_lan_cham_tien_do,
                       so_lan_lanh_dao_khong_dat, he_so_chat_luong, he_so_tien_do, he_so_lanh_dao, ly_do_khach_quan,
                       diem_tieu_chi_chung, tu_de_xuat_xep_loai, ngay_cap_nhat
                  from qlcv.cong_viec""");
        return db;
    }

    /**
     * A finished task (loai CONG_VIEC, status HOAN_THANH) of user u-1024 (Nguyễn Văn A) in unit btc-tu,
     * without review figures.
     *
     * @param id task id, e.g. "CV-0001"
     * @param title task title
     * @param product product type, e.g. "Báo cáo"
     * @param level submission level, e.g. "Lãnh đạo Ban"
     * @param planned planned quantity
     * @param done done quantity
     * @param due due date (ISO)
     * @param completed completion date (ISO)
     * @param updatedAt last change (ISO date-time with a space), the watermark column
     */
    public void task(String id, String title, String product, String level, int planned, int done, String due,
            String completed, String updatedAt) {
        task(id, title, product, level, planned, done, due, completed, null, null, null, null, null, null, updatedAt);
    }

    /**
     * A finished task as {@link #task(String, String, String, String, int, int, String, String, String)},
     * with its review figures (null where the source leaves them out).
     *
     * @param qualityFailures times it had to be revised
     * @param lateDeliveries times it was late
     * @param leadershipFailures times leadership found it unsatisfactory
     * @param qualityFactor quality coefficient
     * @param timelinessFactor timeliness coefficient
     * @param leadershipFactor leadership coefficient
     */
    public void task(String id, String title, String product, String level, int planned, int done, String due,
            String completed, Integer qualityFailures, Integer lateDeliveries, Integer leadershipFailures,
            BigDecimal qualityFactor, BigDecimal timelinessFactor, BigDecimal leadershipFactor, String updatedAt) {
        jdbc.update("insert into qlcv.cong_viec (ma_cong_viec, loai, nguoi_thuc_hien, don_vi, ten_cong_viec, san_pham, "
                + "cap_trinh, so_luong_ke_hoach, so_luong_hoan_thanh, han_xu_ly, ngay_hoan_thanh, trang_thai, "
                + "so_lan_phai_sua_doi, so_lan_cham_tien_do, so_lan_lanh_dao_khong_dat, he_so_chat_luong, he_so_tien_do, "
                + "he_so_lanh_dao, ngay_cap_nhat) values (?, 'CONG_VIEC', 'u-1024', 'btc-tu', ?, ?, ?, ?, ?, ?::date, "
                + "?::date, 'HOAN_THANH', ?, ?, ?, ?, ?, ?, ?::timestamp)", id, title, product, level, planned, done,
                due, completed, qualityFailures, lateDeliveries, leadershipFailures, qualityFactor, timelinessFactor,
                leadershipFactor, updatedAt);
    }

    /**
     * The self-assessment of Nguyễn Văn A for Quý II/2026 (row DG-2026-Q2-u1024): 30 general-criteria
     * points, proposing EXCELLENT, last changed 2026-06-30 17:00.
     */
    public void selfAssessment() {
        jdbc.update("insert into qlcv.cong_viec (ma_cong_viec, loai, ky, nguoi_thuc_hien, don_vi, diem_tieu_chi_chung, "
                + "tu_de_xuat_xep_loai, ngay_cap_nhat) values ('DG-2026-Q2-u1024', 'DANH_GIA', '2026-Q2', 'u-1024', "
                + "'btc-tu', 30, 'EXCELLENT', '2026-06-30 17:00:00')");
    }
}
