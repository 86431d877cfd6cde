package procurement.review.core.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.importer.internal.StringPool;
import procurement.review.core.importer.internal.index.OrganisationIndex;
import procurement.review.core.importer.internal.index.VendorIndex;
import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.Office;
import procurement.review.model.ReportFormat;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * Reads contracting reports into a review: one {@link ContractingReport} per file, its actions linked to vendors,
 * departments, components and offices shared with everything already in the review.
 * <p>
 * Reading builds detached objects only; the review changes when the caller executes {@link #command}, so a file
 * that fails or a cancelled read leaves the review exactly as it was, and an import is one undoable step. Vendors
 * are keyed by UEI, else DUNS, else normalised name; actions by transaction key, so overlapping files and
 * re-imports add nothing twice. Bad cells become located problems and the rest of the row is kept.
 * <p>
 * One importer serves one batch of files: create it for the review, {@link #read} each file, then execute the
 * commands in order.
 */
public final class ReviewImporter {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	/** "Total", "Grand total", "Subtotal:", "Totals FY2017": the label of a total row. */
	private static final java.util.regex.Pattern TOTAL = java.util.regex.Pattern
			.compile("(?i)(grand\\s+|sub-?\\s*)?totals?([\\s:].*)?");

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
	 * @throws ImportException when the file cannot be read at all (one sentence, naming the file)
	 * @throws OperationCanceledException when the monitor was cancelled; nothing was changed
	 */
	public ImportResult read(Path file, TableLayout layout, IProgressMonitor monitor) throws ImportException {
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
		try (TableReader reader = TableReaders.open(file)) {
			report.setFormat(ReportFormat.get(reader.format().name()));
			double scale = 1000.0 / Math.max(1, reader.totalWork());
			double[] done = { 0 };
			vendors.startFile();
			organisations.startFile();
			Rows rows = new Rows(report, name, progress, !reader.sharesRepeatedValues(), hashing, layout);
			// The rows are built on another core while the reader parses the next ones.
			PipelinedHandler pipeline = new PipelinedHandler(rows, "Building the actions of " + name);
			try {
				reader.read(pipeline, bytes -> {
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
				return new ImportResult(report, List.of(), List.of(), List.of(), List.of(), 0, 0, true);
			}
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			if (rows.mapping == null) {
				throw new ImportException(rows.start.rowsLookedAt() == 0 ? name + " is empty: it holds no rows"
						: name + " holds no table of contract actions: no row among the first "
						+ ColumnMapping.HEADER_SEARCH_ROWS + " of " + (rows.sheets > 1 ? "any sheet" : "the file")
						+ " names " + ColumnMapping.MIN_FIELDS + " contract columns (such as vendor, PIID, amount,"
						+ " date, agency)", null);
			}
			reportHashes.add(sha256);
			return rows.result();
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
		} finally {
			hashing.cancel(true);
			progress.done();
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
		command.append(AddCommand.create(domain, review, p.getReviewProject_Reports(), result.report()));
		return command;
	}

	/** The cells naming a department, component or office in a row, with the unit above it (none for a department). */
	private record Cells(Object parent, String code, String name) {
	}

	/** Turns the rows of one file into actions. */
	private final class Rows implements TableHandler {
		private final ContractingReport report;
		private final String fileName;
		private final SubMonitor progress;
		private final Map<ContractField, Integer> at = new EnumMap<>(ContractField.class);
		/** Departments, components and offices by the cells of a row: see {@link #unit}. */
		private final Map<Cells, Object> units = new HashMap<>();
		private final Future<String> hashing;
		/** Shares equal cells; null when the reader does it already. */
		private final StringPool pool;
		private ColumnMapping mapping;
		private ColumnMapping sheetMapping;
		private List<Integer> extraIndexes = List.of();
		private final TableStartDetector start;
		private String sheet;
		private int sheets;
		private long rows;
		private long duplicates;

		Rows(ContractingReport report, String fileName, SubMonitor progress, boolean pooling,
				Future<String> hashing, TableLayout layout) {
			this.start = new TableStartDetector(layout, this::problem);
			this.pool = pooling ? new StringPool() : null;
			this.hashing = hashing;
			this.report = report;
			this.fileName = fileName;
			this.progress = progress;
		}

		ImportResult result() {
			report.setRowCount(rows);
			report.setColumnSet(mapping.generation().name());
			return new ImportResult(report, vendors.added(), organisations.addedDepartments(),
					organisations.addedComponents(), organisations.addedOffices(), rows, duplicates, false);
		}

		@Override
		public void startSheet(String sheetName) {
			sheet = sheetName;
			sheets++;
			sheetMapping = null;
			start.startSheet(sheetName);
		}

		@Override
		public void endSheet() {
			start.endSheet();
		}

		@Override
		public boolean row(long rowNumber, String[] cells) {
			if (progress.isCanceled() || (rowNumber & 0x3FFF) == 0 && alreadyImported()) {
				return false;
			}
			if (start.searching()) {
				ColumnMapping found = start.row(rowNumber, cells);
				if (found == null) {
					return true;
				}
				useMapping(found, cells);
				if (found.hasHeaderRow()) {
					return true;
				}
			}
			if (sheetMapping == null) {
				return true;
			}
			rows++;
			addAction(rowNumber, cells);
			return true;
		}

		/** Whether the file turned out to be one the review holds already: then there is no need to read on. */
		private boolean alreadyImported() {
			if (!hashing.isDone()) {
				return false;
			}
			try {
				return reportHashes.contains(hashing.get());
			} catch (InterruptedException | ExecutionException e) {
				return false; // read() reports it
			}
		}

		@Override
		public void problem(ImportProblem problem) {
			problem(problem.severity(), problem.sheet() != null ? problem.sheet() : sheet, problem.row(),
					problem.column(), problem.message());
		}

		private void useMapping(ColumnMapping detected, String[] header) {
			sheetMapping = detected;
			units.clear();
			at.clear();
			at.putAll(detected.fields());
			if (mapping == null) {
				mapping = detected;
				// Every column the model has no attribute for is kept with the action, known to the column table
				// or not: nothing a reviewer imported is lost.
				Set<Integer> mapped = new HashSet<>(detected.fields().values());
				List<Integer> extras = new ArrayList<>();
				for (int index = 0; index < header.length; index++) {
					if (!mapped.contains(index)) {
						extras.add(index);
					}
				}
				extraIndexes = extras;
				for (int index : extraIndexes) {
					// A header-less file names its columns by letter, as a spreadsheet shows them.
					report.getExtraColumns().add(detected.hasHeaderRow() && header[index] != null ? header[index]
							: ImportProblem.columnLetters(index));
				}
			}
		}

		/** The text of a field, shared with equal cells of its column. */
		private String cell(String[] cells, ContractField field) {
			String text = text(cells, field);
			return text == null ? null : intern(at.get(field), text);
		}

		/** The text of a field, stripped; null when the row has no such cell or holds a placeholder. */
		private String text(String[] cells, ContractField field) {
			Integer index = at.get(field);
			if (index == null || index >= cells.length) {
				return null;
			}
			String value = cells[index];
			return Values.isAbsent(value) ? null : value.strip();
		}

		/**
		 * One copy per distinct value of a column: most columns repeat their values across a million rows, and sharing
		 * them keeps the review small and its later passes fast (the matcher answers a shared description once per
		 * copy). Readers that share repeated cells themselves need nothing more.
		 */
		private String intern(int column, String value) {
			return pool == null ? value : pool.intern(column, value);
		}

		/** Code and name of a pair of fields; legacy files hold both in one "CODE: NAME" cell. */
		private String[] codeName(String[] cells, ContractField codeField, ContractField nameField) {
			return codeName(cell(cells, codeField), cell(cells, nameField), codeField, nameField);
		}

		private String[] codeName(String code, String name, ContractField codeField, ContractField nameField) {
			if (at.get(codeField) != null && at.get(codeField).equals(at.get(nameField)) || isCodeName(code)
					|| isCodeName(name)) {
				String combined = code != null ? code : name;
				Values.CodeName split = Values.splitCodeName(combined).orElse(new Values.CodeName(null, null));
				return new String[] { split.code(), split.name() };
			}
			return new String[] { code, name };
		}

		private static boolean isCodeName(String value) {
			if (value == null) {
				return false;
			}
			int colon = value.indexOf(": ");
			return colon > 0 && colon <= 12 && value.substring(0, colon).indexOf(' ') < 0;
		}

		private void addAction(long rowNumber, String[] cells) {
			String piid = cell(cells, ContractField.piid);
			if (piid == null && isNoAction(cells)) {
				String amount = text(cells, ContractField.obligation);
				problem(Severity.WARNING, rowNumber, -1, "Row skipped: no contract number (PIID), transaction key or"
						+ " vendor, so no contract action (a total or a note?)"
						+ (amount == null ? "" : "; its amount " + amount + " was not added"));
				return;
			}
			ContractAction action = F.createContractAction();
			action.setSourceSheet(sheet);
			action.setSourceRow(rowNumber);
			action.setPiid(piid);
			action.setModification(cell(cells, ContractField.modification));
			action.setAwardKey(cell(cells, ContractField.awardKey));
			action.setDescription(cell(cells, ContractField.description));
			action.setActionDate(date(cells, rowNumber, ContractField.actionDate));
			action.setObligation(money(cells, rowNumber, ContractField.obligation));
			String[] psc = codeName(cells, ContractField.pscCode, ContractField.pscDescription);
			action.setPscCode(psc[0]);
			action.setPscDescription(psc[1]);
			String[] naics = codeName(cells, ContractField.naicsCode, ContractField.naicsDescription);
			action.setNaicsCode(naics[0]);
			action.setNaicsDescription(naics[1]);
			String[] origin = codeName(cells, ContractField.originCountryCode, ContractField.originCountryName);
			action.setOriginCountryCode(origin[0]);
			action.setOriginCountryName(origin[1]);
			String[] made = codeName(cells, ContractField.placeOfManufactureCode,
					ContractField.placeOfManufactureName);
			action.setPlaceOfManufactureCode(made[0]);
			action.setPlaceOfManufactureName(made[1]);
			String[] entity = codeName(cells, ContractField.domesticOrForeignEntityCode,
					ContractField.domesticOrForeignEntityName);
			action.setDomesticOrForeignEntityCode(entity[0]);

			String key = cell(cells, ContractField.transactionKey);
			if (key == null) {
				// Files without a transaction key (agency sheets, some exports): the fields that identify an action.
				key = String.join("|", "derived", nz(action.getPiid()), nz(action.getModification()),
						nz(cell(cells, ContractField.transactionNumber)), String.valueOf(action.getActionDate()),
						String.valueOf(action.getObligation()), nz(cell(cells, ContractField.vendorName)));
			}
			if (!transactionKeys.add(key)) {
				duplicates++;
				return;
			}
			action.setTransactionKey(key);

			Department department = department(cells);
			action.setDepartment(department);
			Component component = department == null ? null : component(department, cells);
			action.setComponent(component);
			action.setOffice(component == null ? null : office(component, cells));
			action.setVendor(vendor(cells, rowNumber));
			if (!extraIndexes.isEmpty()) {
				List<String> extras = action.getExtraValues();
				for (int index : extraIndexes) {
					String value = index < cells.length ? cells[index] : null;
					extras.add(value == null ? "" : intern(index, value));
				}
			}
			report.getActions().add(action);
		}

		/**
		 * Whether a row without PIID has nothing else that makes it a contract action either: no transaction key
		 * and no vendor, or "Total" where the vendor would be. Agencies' sheets end with totals and notes under
		 * the table; their amounts would count twice.
		 */
		private boolean isNoAction(String[] cells) {
			if (text(cells, ContractField.transactionKey) != null || text(cells, ContractField.vendorUei) != null
					|| text(cells, ContractField.vendorDuns) != null) {
				return false;
			}
			String name = text(cells, ContractField.vendorName);
			return name == null || TOTAL.matcher(name).matches();
		}

		private LocalDate date(String[] cells, long rowNumber, ContractField field) {
			String text = text(cells, field); // parsed at once: not worth sharing
			try {
				return Values.parseDate(text).orElse(null);
			} catch (IllegalArgumentException e) {
				problem(Severity.WARNING, rowNumber, at.get(field), "Not a date: \"" + text + "\"; left empty");
				return null;
			}
		}

		private BigDecimal money(String[] cells, long rowNumber, ContractField field) {
			String text = text(cells, field); // parsed at once: not worth sharing
			try {
				return Values.parseMoney(text).orElse(null);
			} catch (IllegalArgumentException e) {
				problem(Severity.WARNING, rowNumber, at.get(field), "Not an amount: \"" + text + "\"; left empty");
				return null;
			}
		}

		/**
		 * The department, component or office of a row's cells, found by those cells as read (shared Strings, their
		 * hashes cached) and its parent: the split of "CODE: NAME" and the canonical key are worked out once per
		 * distinct pair, not on every row.
		 */
		private Object unit(Object parent, ContractField codeField, ContractField nameField, String[] cells) {
			String code = cell(cells, codeField);
			String name = cell(cells, nameField);
			if (code == null && name == null) {
				return null;
			}
			Cells key = new Cells(parent, code, name);
			Object known = units.get(key);
			if (known == null) {
				String[] codeName = codeName(code, name, codeField, nameField);
				if (codeName[0] == null && codeName[1] == null) {
					return null;
				}
				known = switch (codeField) {
				case departmentCode -> organisations.department(codeName[0], codeName[1]);
				case componentCode -> organisations.component((Department) parent, codeName[0], codeName[1]);
				default -> organisations.office((Component) parent, codeName[0], codeName[1]);
				};
				units.put(key, known);
			}
			return known;
		}

		private Department department(String[] cells) {
			return (Department) unit(null, ContractField.departmentCode, ContractField.departmentName, cells);
		}

		private Component component(Department department, String[] cells) {
			return (Component) unit(department, ContractField.componentCode, ContractField.componentName, cells);
		}

		private Office office(Component component, String[] cells) {
			return (Office) unit(component, ContractField.officeCode, ContractField.officeName, cells);
		}

		private Vendor vendor(String[] cells, long rowNumber) {
			String name = cell(cells, ContractField.vendorName);
			String uei = cell(cells, ContractField.vendorUei);
			String duns = cell(cells, ContractField.vendorDuns);
			if (name == null && uei == null && duns == null) {
				problem(Severity.WARNING, rowNumber, -1, "No vendor name or identifier in this row");
				return null;
			}
			Vendor vendor = vendors.vendor(name, uei, duns);
			if (vendor.getCage() == null) {
				vendor.setCage(cell(cells, ContractField.vendorCage));
			}
			if (vendor.getCountryCode() == null && vendor.getCountryName() == null) {
				String[] country = codeName(cells, ContractField.vendorCountryCode, ContractField.vendorCountryName);
				vendor.setCountryCode(country[0]);
				vendor.setCountryName(country[1]);
			}
			if (vendor.getParent() == null && !inReviewVendor(vendor)) {
				String parentName = cell(cells, ContractField.parentName);
				String parentUei = cell(cells, ContractField.parentUei);
				String parentDuns = cell(cells, ContractField.parentDuns);
				if (parentName != null || parentUei != null || parentDuns != null) {
					Vendor parent = vendors.vendor(parentName, parentUei, parentDuns);
					if (parent != vendor) {
						vendor.setParent(parent);
					}
				}
			}
			return vendor;
		}

		private boolean inReviewVendor(Vendor vendor) {
			return vendor.eContainer() != null;
		}

		private void problem(Severity severity, long row, int column, String message) {
			problem(severity, sheet, row, column, message);
		}

		private void problem(Severity severity, String sheet, long row, int column, String message) {
			procurement.review.model.ImportProblem problem = F.createImportProblem();
			problem.setSeverity(procurement.review.model.Severity.get(severity.name()));
			problem.setFile(fileName);
			problem.setSheet(sheet);
			problem.setRow(row);
			problem.setColumn(column >= 0 ? ImportProblem.columnLetters(column) : null);
			problem.setMessage(message);
			report.getProblems().add(problem);
		}
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

	private static String nz(String value) {
		return value == null ? "" : value;
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
