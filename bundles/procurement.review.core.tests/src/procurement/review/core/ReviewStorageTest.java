package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.impl.BinaryResourceImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.internal.storage.ColumnarBinaryResource;
import procurement.review.core.internal.storage.Columns;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;

/**
 * The binary review file ({@code .reviewb}): every feature of the model survives a save and an open, files written
 * by earlier versions (EMF's plain binary format) still open, and a damaged file is refused with a clear message.
 */
class ReviewStorageTest {

	@TempDir
	Path dir;

	@Test
	void everyFeatureOfTheModelSurvivesSaveAndOpen() throws IOException {
		ReviewSession session = ReviewSession.create("every feature");
		new ModelFiller(session.review()).fill(3);
		Path file = dir.resolve("all.reviewb");
		session.saveAs(file);
		assertTrue(ColumnarBinaryResource.isColumnar(Arrays.copyOf(Files.readAllBytes(file), 8)));

		ReviewProject reopened = ReviewSession.open(file).review();
		assertSameContent(session.review(), reopened);
		// references into the rows (hits, order items) point at the reopened rows themselves
		for (EObject o : (Iterable<EObject>) reopened::eAllContents) {
			for (EReference reference : o.eClass().getEAllReferences()) {
				if (!reference.isContainment() && !reference.isMany() && o.eGet(reference) instanceof EObject t) {
					assertSame(reopened.eResource(), t.eResource(), reference.getName() + " stays in the review");
				}
			}
		}
	}

	@Test
	void aLargeReportKeepsItsRowsAndSharesEqualTexts() throws IOException {
		ReviewSession session = ReviewSession.create("rows");
		ModelFiller filler = new ModelFiller(session.review());
		filler.fill(1);
		ContractingReport report = session.review().getReports().get(0);
		for (int i = 0; i < 20_000; i++) {
			ContractAction action = (ContractAction) filler.create(ReviewPackage.Literals.CONTRACT_ACTION, i);
			action.setPscDescription(i % 2 == 0 ? "IT AND TELECOM" : "SECURITY " + (i % 7));
			action.setTransactionKey("0970_-NONE-_W1SATL24C" + String.format("%06d", i) + "_P0000" + (i % 3));
			action.setObligation(i % 5 == 0 ? null : new BigDecimal(BigInteger.valueOf(i).pow(i % 11), i % 4 - 1));
			action.setSourceRow(i % 9 == 0 ? -i : i + 2L);
			report.getActions().add(action);
		}
		Path file = dir.resolve("rows.reviewb");
		session.saveAs(file);
		ContractingReport reopened = ReviewSession.open(file).review().getReports().get(0);
		assertSameContent(report, reopened);
		int last = reopened.getActions().size() - 1;
		assertEquals("IT AND TELECOM", reopened.getActions().get(last - 1).getPscDescription());
		assertSame(reopened.getActions().get(last - 1).getPscDescription(), reopened.getActions().get(last - 3)
				.getPscDescription(), "equal texts of a column are one instance, as after an import");
		assertSame(reopened, reopened.getActions().get(19_999).getReport());
	}

	@Test
	void opensFilesWrittenInEmfsPlainBinaryFormat() throws IOException {
		ReviewSession session = ReviewSession.create("earlier version");
		new ModelFiller(session.review()).fill(2);
		Path file = dir.resolve("old.reviewb");
		BinaryResourceImpl old = new BinaryResourceImpl(URI.createFileURI(file.toString()));
		old.getContents().add(EcoreUtil.copy(session.review()));
		try (OutputStream out = Files.newOutputStream(file)) {
			old.save(out, ReviewResources.saveOptions());
		}
		assertFalse(ColumnarBinaryResource.isColumnar(Arrays.copyOf(Files.readAllBytes(file), 8)));
		ReviewSession reopened = ReviewSession.open(file);
		assertSameContent(session.review(), reopened.review());
		// saving it again writes the new format, which opens to the same review
		reopened.saveAs(file);
		assertTrue(ColumnarBinaryResource.isColumnar(Arrays.copyOf(Files.readAllBytes(file), 8)));
		assertSameContent(reopened.review(), ReviewSession.open(file).review());
	}

	@Test
	void aDamagedFileIsRefusedWithAClearMessage() throws IOException {
		ReviewSession session = ReviewSession.create("damaged");
		ModelFiller filler = new ModelFiller(session.review());
		filler.fill(2);
		Path file = dir.resolve("damaged.reviewb");
		session.saveAs(file);
		byte[] bytes = Files.readAllBytes(file);
		for (int cut : new int[] { 12, bytes.length / 2, bytes.length - 3 }) {
			Files.write(file, Arrays.copyOf(bytes, cut));
			IOException e = assertThrows(IOException.class, () -> ReviewSession.open(file), "cut at " + cut);
			assertTrue(e.getMessage().startsWith("damaged.reviewb "), e.getMessage());
		}
	}

	@Test
	void aCopyWrittenWhileCommandsRunIsWholeOrNotKept() throws Exception {
		ReviewSession session = ReviewSession.create("autosave");
		ModelFiller filler = new ModelFiller(session.review());
		ContractingReport report = procurement.review.model.ReviewFactory.eINSTANCE.createContractingReport();
		session.review().getReports().add(report);
		for (int i = 0; i < 30_000; i++) {
			report.getActions().add((ContractAction) filler.create(ReviewPackage.Literals.CONTRACT_ACTION, i));
		}
		TestReviews.addVendors(session, "FIRST VENDOR");
		session.saveAs(dir.resolve("autosave.reviewb"));
		Path copy = dir.resolve("copy.reviewb");
		java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
		java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
		java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		Thread autosave = new Thread(() -> {
			while (!stop.get()) {
				try {
					if (session.saveCopyUnlessChanged(copy)) {
						kept.incrementAndGet();
						// a kept copy is one state of the review: its content is the one its audit chain records
						ReviewSession opened = ReviewSession.open(copy);
						List<String> problems = opened.check();
						if (!problems.isEmpty()) {
							failures.add(new AssertionError("a kept copy is torn: " + problems.get(0)));
						}
					} else {
						refused.incrementAndGet();
					}
				} catch (Throwable e) {
					failures.add(e);
				}
			}
		});
		autosave.start();
		for (int i = 0; i < 300 && failures.isEmpty(); i++) {
			TestReviews.addVendors(session, "CONCURRENT VENDOR " + i);
			if (i % 3 == 0) {
				session.commandStack().undo();
			}
			Thread.sleep(2);
		}
		stop.set(true);
		autosave.join();
		assertEquals(List.of(), failures);
		assertTrue(kept.get() + refused.get() > 0, "the copy was attempted");
		assertTrue(session.saveCopyUnlessChanged(copy), "with nothing running the copy is kept");
		assertSameContent(session.review(), ReviewSession.open(copy).review());
	}

	@Test
	void everyFeatureOfAnActionIsAColumn() {
		List<String> columns = Columns.of(ReviewPackage.Literals.CONTRACT_ACTION).stream()
				.map(Columns.Column::name).toList();
		List<String> persistent = ReviewPackage.Literals.CONTRACT_ACTION.getEAllStructuralFeatures().stream()
				.filter(f -> !f.isTransient()).map(EStructuralFeature::getName).toList();
		assertEquals(persistent, columns, "a feature that cannot be a column would send every action back to EMF's"
				+ " object-by-object format");
	}

	/**
	 * Holds two trees of objects to the same content: the same classes in the same places, equal attribute values
	 * (arrays by content), references to the objects in the same places. Fails at the first difference, named.
	 */
	static void assertSameContent(EObject expected, EObject actual) {
		List<EObject> left = new ArrayList<>(List.of(expected));
		expected.eAllContents().forEachRemaining(left::add);
		List<EObject> right = new ArrayList<>(List.of(actual));
		actual.eAllContents().forEachRemaining(right::add);
		assertEquals(left.size(), right.size(), "objects in the tree");
		for (int i = 0; i < left.size(); i++) {
			EObject a = left.get(i);
			EObject b = right.get(i);
			String where = "object " + i + " (" + a.eClass().getName() + ")";
			assertSame(a.eClass(), b.eClass(), where);
			for (EStructuralFeature feature : a.eClass().getEAllStructuralFeatures()) {
				if (feature.isTransient()) {
					continue;
				}
				Object x = a.eGet(feature);
				Object y = b.eGet(feature);
				String what = where + "." + feature.getName();
				if (feature instanceof EReference reference && !reference.isContainment()) {
					List<?> xs = reference.isMany() ? (List<?>) x : Arrays.asList(x);
					List<?> ys = reference.isMany() ? (List<?>) y : Arrays.asList(y);
					assertEquals(xs.stream().map(left::indexOf).toList(), ys.stream().map(right::indexOf).toList(),
							what);
				} else if (feature instanceof EAttribute) {
					assertTrue(java.util.Objects.deepEquals(x, y), what + ": " + x + " != " + y);
					assertEquals(a.eIsSet(feature), b.eIsSet(feature), what + " is set");
				}
			}
		}
	}

	/**
	 * Fills a review with objects of every class its containment reaches, every attribute set to a value of its
	 * type that differs between objects (nulls and empty lists too), every reference to an object of the review.
	 */
	static final class ModelFiller {

		private final ReviewProject review;
		private final List<EObject> created = new ArrayList<>();

		ModelFiller(ReviewProject review) {
			this.review = review;
		}

		void fill(int perList) {
			contain(review, perList, 0);
			for (EObject o : created) {
				for (EReference reference : o.eClass().getEAllReferences()) {
					if (reference.isContainment() || reference.isContainer() || reference.isTransient()
							|| reference.isDerived() || !reference.isChangeable()) {
						continue;
					}
					List<EObject> targets = created.stream()
							.filter(t -> reference.getEReferenceType().isInstance(t) && t != o).toList();
					if (targets.isEmpty()) {
						continue;
					}
					EObject target = targets.get(Math.floorMod(o.hashCode(), targets.size()));
					if (reference.isMany()) {
						@SuppressWarnings("unchecked")
						EList<EObject> list = (EList<EObject>) o.eGet(reference);
						list.addAll(targets.subList(0, Math.min(2, targets.size())));
					} else if (reference.getEOpposite() == null || !(o.eGet(reference) instanceof EObject)) {
						o.eSet(reference, target);
					}
				}
			}
		}

		private void contain(EObject owner, int perList, int depth) {
			for (EReference reference : owner.eClass().getEAllContainments()) {
				if (reference.isTransient() || depth > 4) {
					continue;
				}
				int count = reference.isMany() ? perList : 1;
				for (int i = 0; i < count; i++) {
					EObject child = create(reference.getEReferenceType(), created.size());
					if (reference.isMany()) {
						@SuppressWarnings("unchecked")
						EList<EObject> list = (EList<EObject>) owner.eGet(reference);
						list.add(child);
					} else {
						owner.eSet(reference, child);
					}
					contain(child, perList, depth + 1);
				}
			}
		}

		EObject create(EClass eClass, int n) {
			EObject o = EcoreUtil.create(eClass);
			for (EAttribute attribute : eClass.getEAllAttributes()) {
				if (attribute.isTransient() || attribute.isDerived() || !attribute.isChangeable()) {
					continue;
				}
				if (attribute.isMany()) {
					@SuppressWarnings("unchecked")
					EList<Object> values = (EList<Object>) o.eGet(attribute);
					for (int i = 0; i < n % 4; i++) {
						values.add(value(attribute.getEAttributeType(), n * 10 + i));
					}
				} else if (n % 5 != 4 || attribute.getEAttributeType().getInstanceClass().isPrimitive()) {
					o.eSet(attribute, value(attribute.getEAttributeType(), n));
				}
			}
			created.add(o);
			return o;
		}

		private static Object value(EDataType type, int n) {
			if (type instanceof EEnum e) {
				return e.getELiterals().get(n % e.getELiterals().size()).getInstance();
			}
			Class<?> c = type.getInstanceClass();
			if (c == String.class) {
				return n % 3 == 0 ? "ä € " + n + " \u00fc" : "text " + (n % 4);
			} else if (c == LocalDate.class) {
				return LocalDate.of(2017, 9, 13).plusDays(n);
			} else if (c == Instant.class) {
				return Instant.parse("2026-12-07T10:15:30.123Z").plusSeconds(n);
			} else if (c == BigDecimal.class) {
				return new BigDecimal("-12345.67").add(BigDecimal.valueOf(n));
			} else if (c == long.class || c == Long.class) {
				return 1L + n * 1_000_003L;
			} else if (c == int.class || c == Integer.class) {
				return n + 1;
			} else if (c == double.class || c == Double.class) {
				return 0.25 + n;
			} else if (c == boolean.class || c == Boolean.class) {
				return n % 2 == 0;
			} else if (c == byte[].class) {
				byte[] bytes = new byte[100 + n];
				Arrays.fill(bytes, (byte) n);
				return bytes;
			}
			throw new IllegalArgumentException("no test value for " + type.getName() + "; add one");
		}
	}
}
