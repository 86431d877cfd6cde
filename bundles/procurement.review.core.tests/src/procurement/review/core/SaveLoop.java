package procurement.review.core;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.EList;

import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReviewFactory;
import procurement.review.model.Vendor;

/**
 * The child process of {@link SaveKillTest}: saves a large review over and over until it is killed. Generation
 * {@code g} of the review is named {@code gen-g} and has {@code base + g} vendors, so whatever file a kill leaves
 * behind tells by itself whether it is complete. Prints {@code saving g} before and {@code saved g MILLIS} after
 * each save, so the parent can time its kill. Needs only EMF, the model, model.edit and core on its class path.
 */
public final class SaveLoop {

	private SaveLoop() {
	}

	/**
	 * @param args the review file, the number of vendors of generation 0
	 * @throws Exception when anything fails: the parent sees the exit code and standard error
	 */
	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int base = Integer.parseInt(args[1]);
		ReviewSession session;
		int generation;
		if (Files.exists(file)) {
			// A restart after a kill continues from the last good file, as a reviewer reopening it would.
			session = ReviewSession.open(file);
			generation = Integer.parseInt(session.review().getName().substring("gen-".length()));
		} else {
			session = ReviewSession.create("gen-0");
			EList<Vendor> vendors = session.review().getVendors();
			for (int i = 0; i < base; i++) {
				vendors.add(vendor("VENDOR " + i + " OF A LARGE REVIEW WITH LONG NAMES, INC."));
			}
			if (file.toString().endsWith(".reviewb")) {
				// the binary format writes a report's actions column by column, in parallel with the rest
				ContractingReport report = ReviewFactory.eINSTANCE.createContractingReport();
				report.setFileName("large.csv");
				for (int i = 0; i < actions(base); i++) {
					ContractAction action = ReviewFactory.eINSTANCE.createContractAction();
					action.setTransactionKey("TX-" + i);
					action.setDescription("ACTION " + i + " OF A LARGE REPORT");
					action.setVendor(vendors.get(i % base));
					action.setSourceRow(i + 2L);
					report.getActions().add(action);
				}
				session.review().getReports().add(report);
			}
			generation = 0;
		}
		while (true) {
			generation++;
			session.review().setName("gen-" + generation);
			session.review().getVendors().add(vendor("MARK " + generation));
			System.out.println("saving " + generation);
			System.out.flush();
			long start = System.nanoTime();
			session.saveAs(file);
			System.out.println("saved " + generation + " " + (System.nanoTime() - start) / 1_000_000);
			System.out.flush();
		}
	}

	/**
	 * @param base the vendors of generation 0
	 * @return the actions a binary review of the loop holds
	 */
	static int actions(int base) {
		return base * 10;
	}

	private static Vendor vendor(String name) {
		Vendor vendor = ReviewFactory.eINSTANCE.createVendor();
		vendor.setName(name);
		vendor.setKey("name:" + name);
		vendor.setNormalizedName(name.toUpperCase());
		vendor.setCountryCode("USA");
		return vendor;
	}
}
