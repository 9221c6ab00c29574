package vn.kpibridge.scoring;

/**
 * A year EXCELLENT candidate in priority order (seed 001 §5: "ưu tiên lựa chọn cá nhân có số quý
 * được đề xuất xếp loại Hoàn thành xuất sắc nhiệm vụ nhiều hơn").
 *
 * @param rank 1 for the most EXCELLENT quarters; equal counts share a rank (1, 1, 3)
 * @param employeeId employee code
 * @param excellentQuarters EXCELLENT quarters in the year
 * @param tied true when another candidate has the same count: listed together, the authority chooses
 */
public record YearCandidate(int rank, String employeeId, int excellentQuarters, boolean tied) {
}
