package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Building work items for the special assignments of seed 000, 3.2 d (DOMAIN.md 1).
 *
 * <ul>
 *   <li>A large product split into sub-products: their coefficients stay within the parent's
 *       ({@link #checkSplit}).</li>
 *   <li>A large product shared by several employees: each gets a share ("tỷ trọng") of the parent's
 *       coefficient, the shares within 1 ({@link #checkShares}); the item carries the share, so
 *       P = planned x coefficient x share.</li>
 *   <li>A multi-month task not split into monthly products: each month carries its monthly share of
 *       the coefficient, the shares within 1 ({@link #checkShares}).</li>
 *   <li>Independent support work with no product: coefficient = hours spent / hours of the standard
 *       product ({@link #supportWork}). Support work inside a product's own process is not counted
 *       separately: do not create an item for it.</li>
 * </ul>
 */
public final class WorkItems {
    /** Product code given to independent support work counted by hours. */
    public static final String SUPPORT_WORK_PRODUCT = "HO-TRO-THEO-GIO";

    private WorkItems() {
    }

    /**
     * An item of independent support work: one unit planned and delivered, with coefficient =
     * hours spent / standard product hours, exact to {@link Decimals#MC} (seed 000, 3.2 d, last bullet).
     *
     * @param id item id
     * @param title what was done
     * @param axisCode axis, or null for single-axis schemes
     * @param hoursSpent hours spent (&gt; 0)
     * @param standardProductHours hours of the standard product (&gt; 0)
     * @param review reviewer outcome, or null
     * @return the item
     * @throws IllegalArgumentException when hours are not positive (naming the item)
     */
    public static WorkItem supportWork(String id, String title, String axisCode, BigDecimal hoursSpent,
            BigDecimal standardProductHours, ItemReview review) {
        if (hoursSpent == null || hoursSpent.signum() <= 0 || standardProductHours == null || standardProductHours.signum() <= 0) {
            throw new IllegalArgumentException("item " + id + ": support work: hours spent and standard product hours must be > 0");
        }
        BigDecimal coefficient = Decimals.divide(hoursSpent, standardProductHours);
        return new WorkItem(id, title, SUPPORT_WORK_PRODUCT, axisCode, coefficient, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, review);
    }

    /**
     * An item of a catalog product with the coefficient of the catalog version given (use
     * {@code CatalogVersions.forPeriod} in the connectors for the version in force).
     *
     * @param catalog the catalog version in force for the period
     * @param id item id
     * @param title task title
     * @param productCode catalog product code
     * @param axisCode axis, or null for single-axis schemes
     * @param share share of the product credited to the employee, (0, 1]; null means 1
     * @param plannedQuantity planned quantity in product units
     * @param doneQuantity delivered quantity in product units
     * @param review reviewer outcome, or null
     * @return the item
     * @throws IllegalArgumentException when the catalog lacks the product or a quantity is invalid
     */
    public static WorkItem fromCatalog(Catalog catalog, String id, String title, String productCode, String axisCode,
            BigDecimal share, BigDecimal plannedQuantity, BigDecimal doneQuantity, ItemReview review) {
        return new WorkItem(id, title, productCode, axisCode, catalog.coefficient(productCode), share, plannedQuantity,
                doneQuantity, review);
    }

    /**
     * Checks the shares of one large product among employees, or of one multi-month task among
     * months: each in (0, 1], together at most 1 ("nằm trong tổng hệ số của sản phẩm lớn").
     *
     * @param ref the product or task the shares belong to, for the message
     * @param shares the shares
     * @return 1 - sum: the part not yet allocated
     * @throws IllegalArgumentException naming {@code ref} when a share is outside (0, 1] or the sum
     *     exceeds 1
     */
    public static BigDecimal checkShares(String ref, Collection<BigDecimal> shares) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal s : shares) {
            if (s == null || s.signum() <= 0 || s.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(ref + ": share " + s + " is outside (0, 1]");
            }
            sum = sum.add(s);
        }
        if (sum.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(ref + ": shares sum to " + sum.toPlainString() + ", more than 1 (seed 000, 3.2 d)");
        }
        return BigDecimal.ONE.subtract(sum);
    }

    /**
     * Checks a large product split into sub-products: the sub-coefficients together stay within
     * the parent's coefficient (seed 000, 3.2 d, first bullet).
     *
     * @param parentCode the large product
     * @param parentCoefficient its coefficient
     * @param subCoefficients the sub-products' coefficients (each &gt; 0)
     * @return parent - sum: the part not yet split off
     * @throws IllegalArgumentException naming the parent when a sub-coefficient is not positive or
     *     the sum exceeds the parent's
     */
    public static BigDecimal checkSplit(String parentCode, BigDecimal parentCoefficient, Collection<BigDecimal> subCoefficients) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal c : subCoefficients) {
            if (c == null || c.signum() <= 0) {
                throw new IllegalArgumentException(parentCode + ": sub-product coefficient " + c + " must be > 0");
            }
            sum = sum.add(c);
        }
        if (sum.compareTo(parentCoefficient) > 0) {
            throw new IllegalArgumentException(parentCode + ": sub-products' coefficients sum to " + sum.toPlainString()
                    + ", more than the product's " + parentCoefficient.toPlainString() + " (seed 000, 3.2 d)");
        }
        return parentCoefficient.subtract(sum);
    }
}
