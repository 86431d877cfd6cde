package procurement.review.core.matching.review;

import java.util.Arrays;

/**
 * A tiny counter of distinct raw values in the order first seen (the evidence lists them so), with the first label
 * seen for each. Almost every vendor reports one value, so the first sits in fields, and values are compared by
 * reference first: the importer shares the strings of repeated values. The pass over the actions counts into an
 * {@link ActionTally} and adds to these afterwards.
 */
final class ValueCounts {
	String first;
	String firstLabel;
	int firstCount;
	String[] values;
	String[] labels;
	int[] counts;
	int size;

	void add(String value, String label) {
		add(value, label, 1);
	}

	void add(String value, String label, int n) {
		if (value == null) {
			return;
		}
		String f = first;
		if (f == value || f != null && f.equals(value)) {
			firstCount += n;
			return;
		}
		if (value.isEmpty()) {
			return;
		}
		if (f == null) {
			first = value;
			firstLabel = label;
			firstCount = n;
			size = 1;
			return;
		}
		addOther(value, label, n);
	}

	private void addOther(String value, String label, int n) {
		for (int i = 0; i < size - 1; i++) {
			if (values[i].equals(value)) {
				counts[i] += n;
				return;
			}
		}
		if (values == null) {
			values = new String[2];
			labels = new String[2];
			counts = new int[2];
		} else if (size - 1 == values.length) {
			values = Arrays.copyOf(values, values.length * 2);
			labels = Arrays.copyOf(labels, labels.length * 2);
			counts = Arrays.copyOf(counts, counts.length * 2);
		}
		values[size - 1] = value;
		labels[size - 1] = label;
		counts[size - 1] = n;
		size++;
	}

	void merge(ValueCounts o) {
		for (int i = 0; i < o.size; i++) {
			add(o.value(i), o.label(i), o.count(i));
		}
	}

	String value(int i) {
		return i == 0 ? first : values[i - 1];
	}

	String label(int i) {
		return i == 0 ? firstLabel : labels[i - 1];
	}

	int count(int i) {
		return i == 0 ? firstCount : counts[i - 1];
	}
}
