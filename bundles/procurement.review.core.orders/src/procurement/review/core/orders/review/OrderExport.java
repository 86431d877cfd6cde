package procurement.review.core.orders.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import procurement.review.core.orders.OrderBatch;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.OrderRenderer;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * Renders the current orders of a rule (drafts and issued ones, not those a revision superseded) into a folder,
 * one file per order and format plus the batch index, through {@link OrderBatch}. Used by the CLI's
 * {@code review} command and by the workbench.
 */
public final class OrderExport {

	/**
	 * The files written for one order.
	 *
	 * @param order the order
	 * @param files the file per format
	 */
	public record Exported(RemovalOrder order, Map<OrderFormat, Path> files) {

		/**
		 * Copies the map, in the formats' order (PDF, DOCX, XLSX), so that listings and the JSON summary do not
		 * change from run to run.
		 *
		 * @param order order
		 * @param files files
		 */
		public Exported {
			Objects.requireNonNull(order, "order");
			files = files.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(files));
		}
	}

	/**
	 * What an export wrote.
	 *
	 * @param orders the orders with their files, ordered by order number
	 * @param index  the index workbook of the batch
	 */
	public record Result(List<Exported> orders, Path index) {

		/**
		 * Copies the list.
		 *
		 * @param orders orders
		 * @param index  index
		 */
		public Result {
			orders = List.copyOf(orders);
		}
	}

	private OrderExport() {
	}

	/**
	 * Renders the current orders of a rule on the calling thread.
	 * <p>
	 * The orders are converted to {@link OrderDocument} snapshots first, so the review is only read at the start;
	 * call this where the review may be read (in the workbench, convert on the UI thread with
	 * {@link OrderDocuments#of(RemovalOrder, RuleSet)} and render the snapshots with {@link OrderBatch} in a job).
	 *
	 * @param review  the review
	 * @param rule    the rule
	 * @param outDir  the folder; created if needed
	 * @param formats the formats to write
	 * @return the files per order
	 * @throws IOException when writing fails
	 */
	public static Result renderAll(ReviewProject review, Rule rule, Path outDir, Set<OrderFormat> formats)
			throws IOException {
		Objects.requireNonNull(review, "review");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(outDir, "outDir");
		Objects.requireNonNull(formats, "formats");
		List<RemovalOrder> orders = OrderGenerator.currentOrders(review, rule);
		RuleSet ruleSet = rule.eContainer() instanceof RuleSet rs ? rs : null;
		List<OrderDocument> docs = new ArrayList<>(orders.size());
		for (RemovalOrder o : orders) {
			docs.add(OrderDocuments.of(o, ruleSet));
		}
		OrderBatch.Result batch;
		try (OrderRenderer renderer = new OrderRenderer()) {
			batch = OrderBatch.render(docs, outDir, formats, renderer);
		}
		List<Exported> out = new ArrayList<>(orders.size());
		// OrderBatch keeps the input order, so position i is order i.
		for (int i = 0; i < orders.size(); i++) {
			out.add(new Exported(orders.get(i), batch.orders().get(i).files()));
		}
		return new Result(out, batch.index());
	}
}
