package procurement.review.core.importer;

/**
 * The file formats the importer reads. {@link #name()} gives the stable format name ("CSV", "XLSX", "XLS",
 * "FPDS_ATOM", "HTML", "XML_SPREADSHEET") for messages and persisted import records.
 */
public enum TableFormat {
	/** Delimited text (comma, semicolon, tab or pipe), whatever the file extension says. */
	CSV,
	/** Office Open XML workbook (Excel 2007 and later). */
	XLSX,
	/** Binary BIFF8 workbook (Excel 97-2003). */
	XLS,
	/** FPDS-NG ATOM feed response: one row per {@code <entry>}. */
	FPDS_ATOM,
	/** HTML page with tables, as agency web applications export "Excel" files: one sheet per table. */
	HTML,
	/** Excel 2003 XML spreadsheet (SpreadsheetML), as reporting tools write "Excel" files. */
	XML_SPREADSHEET
}
