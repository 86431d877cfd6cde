package procurement.review.screening;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The rows of {@code hits.parquet}: one per hit, with the source row's cells as a map from its file's column names
 * (the columns of different generations differ; a map keeps each row's own), for analytics downstream.
 */
final class HitFrame {

	/** The schema. */
	static final StructType SCHEMA = new StructType()
			.add("source_file", DataTypes.StringType, false)
			.add("source_sheet", DataTypes.StringType, true)
			.add("source_row", DataTypes.LongType, false)
			.add("rule", DataTypes.StringType, false)
			.add("entity", DataTypes.StringType, false)
			.add("entity_name", DataTypes.StringType, true)
			.add("kind", DataTypes.StringType, false)
			.add("score", DataTypes.DoubleType, false)
			.add("explanation", DataTypes.StringType, true)
			.add("vendor", DataTypes.StringType, false)
			.add("columns", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), false);

	private HitFrame() {
	}

	/**
	 * @param hit a hit
	 * @return its row of {@link #SCHEMA}
	 */
	static Row row(HitRow hit) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int column = 0; column < hit.table().names().size(); column++) {
			columns.putIfAbsent(hit.table().names().get(column), hit.cell(column));
		}
		return RowFactory.create(hit.sourceFile(), hit.sourceSheet(), hit.sourceRow(), hit.rule(), hit.entity(),
				hit.entityName(), hit.kind(), hit.score(), hit.explanation(), hit.vendor(),
				CollectionConverters.asScala(columns));
	}
}
