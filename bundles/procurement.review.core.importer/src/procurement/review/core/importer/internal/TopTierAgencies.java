package procurement.review.core.importer.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The top-tier agencies (departments) of the federal government with their current code and name, so that the
 * same department read from reports of different column generations is one department with one name and one code:
 * the legacy exports say "1500: Department of Justice" (the four-digit FPDS department code), current downloads
 * "015" and "Department of Justice", agencies' own sheets "DEPARTMENT OF JUSTICE (DOJ)".
 * <p>
 * Codes are the Treasury's Common Government-wide Accounting Classification (CGAC) agency codes that USAspending
 * uses as toptier codes (the Department of Labor's is the four-digit 1601); the legacy code is the FPDS department
 * code, the CGAC code's digits followed by "00". Names are USAspending's toptier agency names. Agencies not listed
 * keep the code and name their reports give.
 */
public final class TopTierAgencies {

	/**
	 * One agency.
	 *
	 * @param code         the current (CGAC) code
	 * @param name         the canonical name
	 * @param abbreviation the usual abbreviation
	 * @param legacyCode   the FPDS department code of the legacy exports
	 */
	public record Agency(String code, String name, String abbreviation, String legacyCode) {
	}

	/** code, legacy FPDS code, abbreviation, name. */
	private static final String TABLE = """
            012\t1200\tUSDA\tDepartment of Agriculture
            013\t1300\tDOC\tDepartment of Commerce
            097\t9700\tDOD\tDepartment of Defense
            091\t9100\tED\tDepartment of Education
            089\t8900\tDOE\tDepartment of Energy
            075\t7500\tHHS\tDepartment of Health and Human Services
            070\t7000\tDHS\tDepartment of Homeland Security
            086\t8600\tHUD\tDepartment of Housing and Urban Development
            014\t1400\tDOI\tDepartment of the Interior
            015\t1500\tDOJ\tDepartment of Justice
            1601\t1600\tDOL\tDepartment of Labor
            019\t1900\tDOS\tDepartment of State
            069\t6900\tDOT\tDepartment of Transportation
            020\t2000\tTREAS\tDepartment of the Treasury
            036\t3600\tVA\tDepartment of Veterans Affairs
            068\t6800\tEPA\tEnvironmental Protection Agency
            080\t8000\tNASA\tNational Aeronautics and Space Administration
            047\t4700\tGSA\tGeneral Services Administration
            028\t2800\tSSA\tSocial Security Administration
            073\t7300\tSBA\tSmall Business Administration
            049\t4900\tNSF\tNational Science Foundation
            031\t3100\tNRC\tNuclear Regulatory Commission
            024\t2400\tOPM\tOffice of Personnel Management
            072\t7200\tUSAID\tAgency for International Development
            """;

	private final Map<String, Agency> byCode = new HashMap<>();
	private final Map<String, Agency> byKey = new HashMap<>();
	private final UnaryOperator<String> nameKey;

	/**
	 * Builds the lookup.
	 *
	 * @param nameKey how a department's name is keyed (the importer's canonical key), so that spellings of one
	 *                name find one agency
	 */
	public TopTierAgencies(UnaryOperator<String> nameKey) {
		this.nameKey = nameKey;
		TABLE.lines().filter(l -> !l.isBlank()).forEach(line -> {
			String[] c = line.split("\t");
			Agency a = new Agency(c[0], c[3], c[2], c[1]);
			byCode.put(a.code(), a);
			byCode.put(a.legacyCode(), a);
			byKey.put(nameKey.apply(a.name()), a);
		});
	}

	/**
	 * The agency a report's department cells name: by code (current or legacy), else by name.
	 *
	 * @param code the department code as read; may be null
	 * @param name the department name as read; may be null
	 * @return the agency, or null when the table does not know it
	 */
	public Agency find(String code, String name) {
		if (code != null) {
			Agency a = byCode.get(code.strip());
			if (a != null) {
				return a;
			}
		}
		return name == null ? null : byKey.get(nameKey.apply(name));
	}
}
