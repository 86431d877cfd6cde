package procurement.review.core.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EStructuralFeature;

import procurement.review.core.importer.internal.StringPool;
import procurement.review.core.importer.internal.index.OrganisationIndex;
import procurement.review.core.importer.internal.index.VendorIndex;
import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.ImportProblem;
import procurement.review.model.Office;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Severity;
import procurement.review.model.Vendor;

/**
 * Turns the rows of one file into the contract actions of its report, linked to the vendors, departments, components
 * and offices of the importer's indexes: finds where the table starts in each sheet, reads each field of a row through
 * the column mapping, skips rows whose transaction the review or an earlier row has, and records bad cells and
 * skipped rows as located problems. Runs on the thread of a {@link PipelinedHandler}, one file per instance.
 * <p>
 * What it adds to the importer's transaction keys and indexes is taken back by {@link #forget()} when the file is not
 * imported after all.
 */
final class ActionBuilder implements TableHandler {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;
	/** "Total", "Grand total", "Subtotal:", "Totals FY2017": the label of a total row. */
	private static final Pattern TOTAL = Pattern.compile("(?i)(grand\\s+|sub-?\\s*)?totals?([\\s:].*)?");
	private static final EStructuralFeature CAGE = ReviewPackage.Literals.VENDOR__CAGE;
	private static final EStructuralFeature COUNTRY_CODE = ReviewPackage.Literals.VENDOR__COUNTRY_CODE;
	private static final EStructuralFeature COUNTRY_NAME = ReviewPackage.Literals.VENDOR__COUNTRY_NAME;
	private static final EStructuralFeature PARENT = ReviewPackage.Literals.VENDOR__PARENT;

	/** The cells naming a department, component or office in a row, with the unit above it (none for a department). */
	private record Cells(Object parent, String code, String name) {
	}

	private final ContractingReport report;
	private final String fileName;
	private final SubMonitor progress;
	private final VendorIndex vendors;
	private final OrganisationIndex organisations;
	/** The importer's: of the review and of the files read before. */
	private final Set<String> transactionKeys;
	/** The keys this file added to {@link #transactionKeys}, to take back in {@link #forget()}. */
	private final List<String> addedKeys = new ArrayList<>();
	private final BooleanSupplier alreadyImported;
	private final Map<ContractField, Integer> at = new EnumMap<>(ContractField.class);
	/** Departments, components and offices by the cells of a row: see {@link #unit}. */
	private final Map<Cells, Object> units = new HashMap<>();
	/** Shares equal cells; null when the reader does it already. */
	private final StringPool pool;
	private ColumnMapping mapping;
	private ColumnMapping sheetMapping;
	private List<Integer> extraIndexes = List.of();
	/** The original rows of a screening's hits file; null for any other table. */
	private RowOrigin origin;
	private final TableStartDetector start;
	private String sheet;
	private int sheets;
	private long rows;
	private long duplicates;

	/**
	 * Starts a file: the indexes list what it adds from now on.
	 *
	 * @param report          the file's report, which receives the actions and problems
	 * @param progress        tells when the reading is cancelled
	 * @param pooling         whether to share equal cells (not when the reader shares them itself)
	 * @param layout          where the reviewer says the table starts and which column holds which field; null to
	 *                        detect it
	 * @param vendors         the importer's vendors
	 * @param organisations   the importer's departments, components and offices
	 * @param transactionKeys the importer's transaction keys; a row whose key is among them is a duplicate
	 * @param alreadyImported whether the file turned out to be one the review holds (asked now and then)
	 */
	ActionBuilder(ContractingReport report, SubMonitor progress, boolean pooling, TableLayout layout,
			VendorIndex vendors, OrganisationIndex organisations, Set<String> transactionKeys,
			BooleanSupplier alreadyImported) {
		this.start = new TableStartDetector(layout, this::problem);
		this.pool = pooling ? new StringPool() : null;
		this.report = report;
		this.fileName = report.getFileName();
		this.progress = progress;
		this.vendors = vendors;
		this.organisations = organisations;
		this.transactionKeys = transactionKeys;
		this.alreadyImported = alreadyImported;
		vendors.startFile();
		organisations.startFile();
	}

	/** @return whether a table of contract actions started in some sheet */
	boolean foundTable() {
		return mapping != null;
	}

	/** @return the non-blank rows looked at for a table, in every sheet: none means the file holds no rows */
	long rowsLookedAt() {
		return start.rowsLookedAt();
	}

	/** @return the sheets read */
	int sheets() {
		return sheets;
	}

	/** @return what the file adds, once every row is built and a table was found */
	ImportResult result() {
		report.setRowCount(rows);
		report.setColumnSet(mapping.generation().name());
		List<ImportResult.VendorValue> values = new ArrayList<>();
		vendors.given().forEach((vendor, given) -> given
				.forEach((feature, value) -> values.add(new ImportResult.VendorValue(vendor, feature, value))));
		return new ImportResult(report, vendors.added(), organisations.addedDepartments(),
				organisations.addedComponents(), organisations.addedOffices(), values, rows, duplicates, false);
	}

	/**
	 * Takes back what the file put into the importer's transaction keys and indexes, when it is not imported (it
	 * failed, was cancelled or is in the review already): the next file is read as if this one had not been. Only
	 * once no row is being built any more.
	 */
	void forget() {
		for (String key : addedKeys) {
			transactionKeys.remove(key);
		}
		addedKeys.clear();
		vendors.forgetFile();
		organisations.forgetFile();
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
		if (progress.isCanceled() || (rowNumber & 0x3FFF) == 0 && alreadyImported.getAsBoolean()) {
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

	@Override
	public void problem(ReadProblem problem) {
		problem(problem.severity(), problem.sheet() != null ? problem.sheet() : sheet, problem.row(),
				problem.column(), problem.message());
	}

	private void useMapping(ColumnMapping detected, String[] header) {
		sheetMapping = detected;
		origin = detected.hasHeaderRow() ? RowOrigin.of(header) : null;
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
						: ReadProblem.columnLetters(index));
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
		RowOrigin.Located original = origin == null ? null : origin.locate(cells);
		action.setSourceSheet(original == null ? sheet : original.sheet());
		action.setSourceRow(original == null ? rowNumber : original.row());
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
		addedKeys.add(key);
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
		// What a vendor lacks comes from the first row that has it, given through the index: a vendor this file did
		// not make changes with the import command.
		if (vendor.getCage() == null) {
			String cage = cell(cells, ContractField.vendorCage);
			if (cage != null) {
				vendors.give(vendor, CAGE, cage);
			}
		}
		if (vendor.getCountryCode() == null && vendor.getCountryName() == null) {
			String[] country = codeName(cells, ContractField.vendorCountryCode, ContractField.vendorCountryName);
			if ((country[0] != null || country[1] != null) && !vendors.gave(vendor, COUNTRY_CODE)
					&& !vendors.gave(vendor, COUNTRY_NAME)) {
				vendors.give(vendor, COUNTRY_CODE, country[0]);
				vendors.give(vendor, COUNTRY_NAME, country[1]);
			}
		}
		if (vendor.getParent() == null && !inReviewVendor(vendor)) {
			String parentName = cell(cells, ContractField.parentName);
			String parentUei = cell(cells, ContractField.parentUei);
			String parentDuns = cell(cells, ContractField.parentDuns);
			if ((parentName != null || parentUei != null || parentDuns != null) && !vendors.gave(vendor, PARENT)) {
				Vendor parent = vendors.vendor(parentName, parentUei, parentDuns);
				if (parent != vendor) {
					vendors.give(vendor, PARENT, parent);
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
		ImportProblem problem = F.createImportProblem();
		problem.setSeverity(severity);
		problem.setFile(fileName);
		problem.setSheet(sheet);
		problem.setRow(row);
		problem.setColumn(column >= 0 ? ReadProblem.columnLetters(column) : null);
		problem.setMessage(message);
		report.getProblems().add(problem);
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
