package procurement.review.core.importer;

/** The known generations of contract report layouts, as recognised from a header row. */
public enum ColumnGeneration {
	/** Today's USAspending Contracts_PrimeTransactions download (297 columns). */
	CURRENT_TRANSACTIONS,
	/** Today's USAspending Contracts_PrimeAwardSummaries download (286 columns). */
	CURRENT_AWARDS,
	/** The 2018-2019 USAspending transactions download (277 columns; DUNS, no UEI), and its 261-column variant. */
	DOWNLOAD_2019,
	/** The legacy USAspending export used until 2017 (225 columns, values as "CODE: NAME"). */
	LEGACY,
	/** The header row produced by the importer's FPDS ATOM feed reader (FPDS element names). */
	FPDS,
	/** Any other layout; known column spellings are still recognised. */
	CUSTOM
}
