package procurement.review.core.importer.internal.fpds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.Source;
import procurement.review.core.importer.internal.xml.SecureStax;

/**
 * Reads an FPDS-NG ATOM feed. Row 1 is {@link #HEADER}; each {@code <entry>} (award, IDV or other transaction)
 * becomes one row. Elements are matched by local name, so the namespace prefixes of the feed version do not
 * matter; where FPDS reuses a name (PIID of the award and of the referenced IDV, country of the vendor and of the
 * place of performance) the parent element decides.
 */
public final class FpdsAtomReader implements TableReader {

	/** Column names: FPDS element names, with a suffix for values taken from an attribute. */
	public static final List<String> HEADER = List.of(
			"PIID", "modNumber", "transactionNumber", "agencyID", "agencyName",
			"referencedIDVPIID", "referencedIDVModNumber", "referencedIDVAgencyID",
			"signedDate", "effectiveDate", "obligatedAmount", "baseAndAllOptionsValue", "totalObligatedAmount",
			"contractingOfficeAgencyID", "contractingOfficeAgencyName", "departmentID", "departmentName",
			"contractingOfficeID", "contractingOfficeName",
			"fundingRequestingAgencyID", "fundingRequestingAgencyName", "fundingDepartmentID",
			"fundingDepartmentName", "fundingRequestingOfficeID", "fundingRequestingOfficeName",
			"descriptionOfContractRequirement",
			"productOrServiceCode", "productOrServiceCodeDescription",
			"principalNAICSCode", "principalNAICSCodeDescription",
			"countryOfOrigin", "countryOfOriginName",
			"placeOfManufacture", "placeOfManufactureDescription",
			"manufacturingOrganizationType", "manufacturingOrganizationTypeDescription",
			"vendorName", "contractorName", "UEI", "UEILegalBusinessName", "ultimateParentUEI",
			"ultimateParentUEIName", "DUNSNumber", "globalParentDUNSNumber", "globalParentDUNSName", "cageCode",
			"vendorCountryCode", "vendorCountryName", "lastModifiedDate");

	private static final int PIID = 0;
	private static final int MOD = 1;
	private static final int TRANSACTION = 2;
	private static final int AGENCY = 3;
	private static final int REF_PIID = 5;
	private static final int REF_MOD = 6;
	private static final int REF_AGENCY = 7;
	private static final int SIGNED = 8;
	private static final int EFFECTIVE = 9;
	private static final int OBLIGATED = 10;
	private static final int BASE_ALL = 11;
	private static final int TOTAL_OBLIGATED = 12;
	private static final int OFFICE_AGENCY = 13;
	private static final int OFFICE = 17;
	private static final int FUNDING_AGENCY = 19;
	private static final int FUNDING_OFFICE = 23;
	private static final int DESCRIPTION = 25;
	private static final int PSC = 26;
	private static final int NAICS = 28;
	private static final int ORIGIN = 30;
	private static final int MANUFACTURE = 32;
	private static final int MANUFACTURING_ORG = 34;
	private static final int VENDOR_NAME = 36;
	private static final int CONTRACTOR_NAME = 37;
	private static final int UEI = 38;
	private static final int UEI_NAME = 39;
	private static final int PARENT_UEI = 40;
	private static final int PARENT_UEI_NAME = 41;
	private static final int DUNS = 42;
	private static final int PARENT_DUNS = 43;
	private static final int PARENT_DUNS_NAME = 44;
	private static final int CAGE = 45;
	private static final int VENDOR_COUNTRY = 46;
	private static final int LAST_MODIFIED = 48;

	private final Source source;

	public FpdsAtomReader(Path file) throws IOException {
		this(Source.of(file));
	}

	/** @param source a file, or an entry of an archive */
	public FpdsAtomReader(Source source) {
		this.source = source;
	}

	@Override
	public TableFormat format() {
		return TableFormat.FPDS_ATOM;
	}

	@Override
	public long totalWork() {
		return source.size();
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		String what = source.name();
		ProgressStream counted = new ProgressStream(source.open(), progress);
		handler.startSheet("entries");
		try (InputStream in = new BufferedInputStream(counted, 1 << 16)) {
			XMLStreamReader r = SecureStax.open(SecureStax.factory(), in, what);
			if (!handler.row(1, HEADER.toArray(String[]::new))) {
				return;
			}
			long rowNumber = 1;
			List<String> path = new ArrayList<>();
			path.add(r.getLocalName());
			String[] row = null;
			while (r.hasNext()) {
				int event = r.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = r.getLocalName();
					String parent = path.get(path.size() - 1);
					if (name.equals("entry")) {
						row = new String[HEADER.size()];
					} else if (row != null && take(r, name, parent, row)) {
						continue; // take() consumed the element including its end tag
					}
					path.add(name);
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					path.remove(path.size() - 1);
					if (row != null && r.getLocalName().equals("entry")) {
						// Feeds before the UEI transition carry vendorName; later ones only the legal business
						// name, so the vendor column is filled from the best source present.
						if (row[VENDOR_NAME] == null) {
							row[VENDOR_NAME] = row[UEI_NAME] != null ? row[UEI_NAME] : row[CONTRACTOR_NAME];
						}
						rowNumber++;
						if (!handler.row(rowNumber, row)) {
							return;
						}
						row = null;
					}
				}
			}
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(what, e);
		} finally {
			counted.flush();
			handler.endSheet();
		}
	}

	/** Stores a known leaf element; returns true when it consumed the element. */
	private static boolean take(XMLStreamReader r, String name, String parent, String[] row)
			throws XMLStreamException {
		boolean idv = parent.equals("referencedIDVID");
		switch (name) {
			case "PIID" -> text(r, row, idv ? REF_PIID : PIID);
			case "modNumber" -> text(r, row, idv ? REF_MOD : MOD);
			case "transactionNumber" -> text(r, row, TRANSACTION);
			case "agencyID" -> {
				if (idv) {
					text(r, row, REF_AGENCY);
				} else {
					row[AGENCY + 1] = blankToNull(attr(r, "name"));
					text(r, row, AGENCY);
				}
			}
			case "signedDate" -> text(r, row, SIGNED);
			case "effectiveDate" -> text(r, row, EFFECTIVE);
			case "obligatedAmount" -> text(r, row, OBLIGATED);
			case "baseAndAllOptionsValue" -> text(r, row, BASE_ALL);
			case "totalObligatedAmount" -> text(r, row, TOTAL_OBLIGATED);
			case "contractingOfficeAgencyID" -> agency(r, row, OFFICE_AGENCY);
			case "contractingOfficeID" -> coded(r, row, OFFICE, "name");
			case "fundingRequestingAgencyID" -> agency(r, row, FUNDING_AGENCY);
			case "fundingRequestingOfficeID" -> coded(r, row, FUNDING_OFFICE, "name");
			case "descriptionOfContractRequirement" -> text(r, row, DESCRIPTION);
			case "productOrServiceCode" -> coded(r, row, PSC, "description");
			case "principalNAICSCode" -> coded(r, row, NAICS, "description");
			case "countryOfOrigin" -> coded(r, row, ORIGIN, "name");
			case "placeOfManufacture" -> coded(r, row, MANUFACTURE, "description");
			case "manufacturingOrganizationType" -> coded(r, row, MANUFACTURING_ORG, "description");
			case "vendorName" -> text(r, row, VENDOR_NAME);
			case "contractorName" -> text(r, row, CONTRACTOR_NAME);
			case "UEI" -> text(r, row, UEI);
			case "UEILegalBusinessName" -> text(r, row, UEI_NAME);
			case "ultimateParentUEI" -> text(r, row, PARENT_UEI);
			case "ultimateParentUEIName" -> text(r, row, PARENT_UEI_NAME);
			case "DUNSNumber" -> text(r, row, DUNS);
			case "globalParentDUNSNumber" -> text(r, row, PARENT_DUNS);
			case "globalParentDUNSName" -> text(r, row, PARENT_DUNS_NAME);
			case "cageCode" -> text(r, row, CAGE);
			case "lastModifiedDate" -> text(r, row, LAST_MODIFIED);
			case "countryCode" -> {
				if (!parent.equals("vendorLocation")) {
					return false; // place of performance and others share the name
				}
				coded(r, row, VENDOR_COUNTRY, "name");
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	private static void agency(XMLStreamReader r, String[] row, int at) throws XMLStreamException {
		row[at + 1] = blankToNull(attr(r, "name"));
		row[at + 2] = blankToNull(attr(r, "departmentID"));
		row[at + 3] = blankToNull(attr(r, "departmentName"));
		text(r, row, at);
	}

	private static void coded(XMLStreamReader r, String[] row, int at, String attribute) throws XMLStreamException {
		row[at + 1] = blankToNull(attr(r, attribute));
		text(r, row, at);
	}

	private static void text(XMLStreamReader r, String[] row, int at) throws XMLStreamException {
		row[at] = blankToNull(r.getElementText());
	}

	private static String attr(XMLStreamReader r, String localName) {
		for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
			if (r.getAttributeLocalName(i).equals(localName)) {
				return r.getAttributeValue(i);
			}
		}
		return null;
	}

	/** FPDS pads some names with a trailing blank ("GSA, PBS, ACQ MGT SVC BR "), which would only disturb matching. */
	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	@Override
	public void close() {
		// The stream is opened and closed within read().
	}
}
