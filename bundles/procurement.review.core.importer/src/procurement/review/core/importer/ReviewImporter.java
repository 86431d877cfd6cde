package procurement.review.core.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.importer.internal.index.OrganisationIndex;
import procurement.review.core.importer.internal.index.VendorIndex;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReportFormat;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;

/**
 * Reads contracting reports into a review: one {@link ContractingReport} per file, its actions linked to vendors,
 * departments, components and offices shared with everything already in the review.
 * <p>
 * Reading builds detached objects only; the review changes when the caller executes {@link #command}, so a file
 * that fails or a cancelled read leaves the review exactly as it was, and an import is one undoable step: what a
 * file tells of a vendor the review has (a name it lacked) is set by the command too. Vendors are keyed by UEI,
 * else DUNS, else normalised name; actions by transaction key, so overlapping files and re-imports add nothing
 * twice. Bad cells become located problems and the rest of the row is kept. The rows are turned into actions by an
 * {@link ActionBuilder}; this class does the work on the whole file: its format, its hash, progress and failure.
 * <p>
 * One importer serves one batch of files: create it for the review, {@link #read} each file, then execute the
 * commands in order. A file that fails, is cancelled or is already in the review leaves the importer as it was
 * before it, so the next file of the batch links only to what the review or the batch's commands hold.
 */
public final class ReviewImporter {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private final ReviewProject review;
	private final VendorIndex vendors;
	private final OrganisationIndex organisations;
	private final Set<String> transactionKeys = new HashSet<>();
	private final Set<String> reportHashes = new HashSet<>();

	/**
	 * Indexes what the review already holds, so new rows link to it.
	 *
	 * @param review the review the files go into
	 */
	public ReviewImporter(ReviewProject review) {
		this.review = review;
		this.vendors = new VendorIndex(review.getVendors());
		this.organisations = new OrganisationIndex(review.getDepartments());
		for (ContractingReport report : review.getReports()) {
			reportHashes.add(report.getSha256());
			for (ContractAction action : report.getActions()) {
				transactionKeys.add(action.getTransactionKey());
			}
		}
	}

	/**
	 * Reads one file.
	 *
	 * @param file the file: CSV, XLSX, XLS, FPDS ATOM XML, an HTML table page, an Excel 2003 XML spreadsheet or a ZIP
	 *             download of these, recognised by content
	 * @param monitor progress in bytes read, and cancellation; may be null
	 * @return the detached result
	 * @throws ImportException when the file cannot be read at all (one sentence, naming the file)
	 * @throws OperationCanceledException when the monitor was cancelled; nothing was changed
	 */
	public ImportResult read(Path file, IProgressMonitor monitor) throws ImportException {
		return read(file, null, monitor);
	}

	/**
	 * Reads one file with the table layout a reviewer chose for it.
	 *
	 * @param file    the file, as for {@link #read(Path, IProgressMonitor)}
	 * @param layout  where the table starts and which column holds which field; null to detect it
	 * @param monitor progress in bytes read, and cancellation; may be null
	 * @return the detached result
	 * @throws ImportException when the file cannot be read at all (one sentence, naming the file); nothing was
	 *             changed
	 * @throws OperationCanceledException when the monitor was cancelled; nothing was changed
	 */
	public ImportResult read(Path file, TableLayout layout, IProgressMonitor monitor) throws ImportException {
		return read(file, layout, monitor, null);
	}

	/**
	 * Reads one file and lets another handler see its rows as they are read, e.g. to keep the cells of rows as the
	 * file holds them: a batch screening writes a hit with its row's original columns.
	 *
	 * @param file    the file, as for {@link #read(Path, IProgressMonitor)}
	 * @param layout  where the table starts and which column holds which field; null to detect it
	 * @param monitor progress in bytes read, and cancellation; may be null
	 * @param tap     receives every sheet, row and problem on the reading thread, before the actions are built from
	 *                them; it may keep a row's cells (nothing changes them) but must not change them; its answer to
	 *                a row is ignored (the monitor cancels); null for none
	 * @return the detached result
	 * @throws ImportException when the file cannot be read at all (one sentence, naming the file); nothing was
	 *             changed
	 * @throws OperationCanceledException when the monitor was cancelled; nothing was changed
	 */
	public ImportResult read(Path file, TableLayout layout, IProgressMonitor monitor, TableHandler tap)
			throws ImportException {
		String name = file.getFileName().toString();
		SubMonitor progress = SubMonitor.convert(monitor, "Importing " + name, 1000);
		if (!Files.exists(file)) {
			throw new ImportException(name + ": no such file", null);
		}
		// The file's SHA-256 is computed on another core while the rows are read: it costs a read of the whole
		// file, a third of the reading itself. A file already in the review stops the reading once it is known.
		FutureTask<String> hashing = new FutureTask<>(() -> sha256(file));
		Thread hasher = new Thread(hashing, "SHA-256 of " + name);
		hasher.setDaemon(true);
		hasher.start();
		ContractingReport report = F.createContractingReport();
		report.setFileName(name);
		report.setImportedAt(Instant.now());
		ActionBuilder actions = null;
		ImportResult result;
		boolean imported = false;
		try {
			try (TableReader reader = TableReaders.open(file)) {
				report.setFormat(ReportFormat.get(reader.format().name()));
				double scale = 1000.0 / Math.max(1, reader.totalWork());
				double[] done = { 0 };
				actions = new ActionBuilder(report, progress, !reader.sharesRepeatedValues(), layout, vendors,
						organisations, transactionKeys, () -> alreadyImported(hashing));
				// The rows are built on another core while the reader parses the next ones.
				PipelinedHandler pipeline = new PipelinedHandler(actions, "Building the actions of " + name);
				try {
					reader.read(tap == null ? pipeline : new Tee(tap, pipeline), bytes -> {
						double before = done[0];
						done[0] += bytes * scale;
						progress.worked((int) done[0] - (int) before);
					});
					pipeline.finish();
				} catch (IOException | RuntimeException | Error e) {
					pipeline.abandon();
					throw e;
				}
				String sha256 = awaitSha256(hashing, name);
				report.setSha256(sha256);
				if (reportHashes.contains(sha256)) {
					return new ImportResult(report, List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0,
							true);
				}
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				if (!actions.foundTable()) {
					throw new ImportException(actions.rowsLookedAt() == 0 ? name + " is empty: it holds no rows"
							: name + " holds no table of contract actions: no row among the first "
							+ ColumnMapping.HEADER_SEARCH_ROWS + " of "
							+ (actions.sheets() > 1 ? "any sheet" : "the file") + " names "
							+ ColumnMapping.MIN_FIELDS + " contract columns (such as vendor, PIID, amount, date,"
							+ " agency)", null);
				}
				result = actions.result();
			} catch (TableFormatException e) {
				String message = e.getMessage() == null ? "unreadable" : e.getMessage();
				throw new ImportException(message.startsWith(name) ? message : name + ": " + message, e);
			} catch (ImportException e) {
				throw e;
			} catch (IOException | RuntimeException e) {
				if (e instanceof OperationCanceledException cancelled) {
					throw cancelled;
				}
				throw new ImportException(name + " cannot be read: " + e.getMessage(), e);
			}
			// Only a file read to its end and closed counts: anything else leaves the importer as it was.
			reportHashes.add(report.getSha256());
			imported = true;
			return result;
		} finally {
			if (actions != null && !imported) {
				actions.forget();
			}
			hashing.cancel(true);
			progress.done();
		}
	}

	/** Hands everything read to a tap first, then to the handler that builds the actions, whose answers count. */
	private record Tee(TableHandler tap, TableHandler target) implements TableHandler {

		@Override
		public void startSheet(String sheetName) {
			tap.startSheet(sheetName);
			target.startSheet(sheetName);
		}

		@Override
		public boolean row(long rowNumber, String[] cells) {
			tap.row(rowNumber, cells);
			return target.row(rowNumber, cells);
		}

		@Override
		public void endSheet() {
			tap.endSheet();
			target.endSheet();
		}

		@Override
		public void problem(ReadProblem problem) {
			tap.problem(problem);
			target.problem(problem);
		}
	}

	/** Whether the file turned out to be one the review holds already: then there is no need to read on. */
	private boolean alreadyImported(Future<String> hashing) {
		if (!hashing.isDone()) {
			return false;
		}
		try {
			return reportHashes.contains(hashing.get());
		} catch (InterruptedException | ExecutionException e) {
			return false; // read() reports it
		}
	}

	private static String awaitSha256(FutureTask<String> hashing, String name) throws ImportException {
		try {
			return hashing.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} catch (ExecutionException e) {
			throw new ImportException(name + " cannot be read: " + e.getCause().getMessage(), e.getCause());
		}
	}

	/**
	 * The command that adds a read file to the review, with its audit entry appended by the caller if wanted.
	 *
	 * @param domain the review's editing domain
	 * @param result what {@link #read} produced
	 * @return one compound command; executing it adds everything, undoing it removes everything
	 */
	public Command command(EditingDomain domain, ImportResult result) {
		CompoundCommand command = new CompoundCommand("Import " + result.report().getFileName());
		if (result.alreadyImported()) {
			return command;
		}
		ReviewPackage p = ReviewPackage.eINSTANCE;
		if (!result.newDepartments().isEmpty()) {
			command.append(AddCommand.create(domain, review, p.getReviewProject_Departments(), result.newDepartments()));
		}
		for (Object[] pair : result.newComponents()) {
			command.append(AddCommand.create(domain, pair[0], p.getDepartment_Components(), pair[1]));
		}
		for (Object[] pair : result.newOffices()) {
			command.append(AddCommand.create(domain, pair[0], p.getComponent_Offices(), pair[1]));
		}
		if (!result.newVendors().isEmpty()) {
			command.append(AddCommand.create(domain, review, p.getReviewProject_Vendors(), result.newVendors()));
		}
		for (ImportResult.VendorValue value : result.vendorValues()) {
			command.append(SetCommand.create(domain, value.vendor(), value.feature(), value.value()));
		}
		command.append(AddCommand.create(domain, review, p.getReviewProject_Reports(), result.report()));
		return command;
	}

	/**
	 * The name form vendors are keyed and matched by: Unicode-normalised, upper case, punctuation as blanks,
	 * blanks collapsed (files turn commas into double spaces and truncate at 30 characters).
	 *
	 * @param name a vendor name
	 * @return the normalised name, or null
	 */
	public static String normalizeName(String name) {
		return VendorIndex.normalizeName(name);
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
