package procurement.review.core.importer.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.model.Component;
import procurement.review.model.Department;
import procurement.review.model.Office;
import procurement.review.model.ReviewFactory;

/** Departments, components and offices of every column generation meet on one object each. */
class OrganisationIndexTest {

	@Test
	void departmentsOfEveryGenerationMeetUnderOneKey() {
		String key = OrganisationIndex.departmentKey("020", "DEPARTMENT OF THE TREASURY (TREAS)");
		assertEquals(key, OrganisationIndex.departmentKey("2000", "Department of the Treasury"));
		assertEquals(key, OrganisationIndex.departmentKey(null, "TREASURY, DEPARTMENT OF THE"));
		assertEquals(OrganisationIndex.departmentKey("036", "DEPARTMENT OF VETERANS AFFAIRS (VA)"),
				OrganisationIndex.departmentKey("3600", "VETERANS AFFAIRS, DEPARTMENT OF"));
		assertTrue(!key.equals(OrganisationIndex.departmentKey("015", "DEPARTMENT OF JUSTICE (DOJ)")));
	}

	@Test
	void departmentsTheAgencyTablesKnowGetTheirCurrentCodeAndName() {
		String key = OrganisationIndex.canonicalDepartmentKey("015", null);
		assertEquals(key, OrganisationIndex.canonicalDepartmentKey("1500", "Department of Justice"));
		assertEquals(key, OrganisationIndex.canonicalDepartmentKey(null, "DEPARTMENT OF JUSTICE (DOJ)"));
		assertEquals(key, OrganisationIndex.canonicalDepartmentKey(null, "JUSTICE, DEPARTMENT OF"));
		assertEquals(OrganisationIndex.canonicalDepartmentKey("1601", null),
				OrganisationIndex.canonicalDepartmentKey("1600", "Department of Labor"));
		// An agency the tables do not know keeps the importer's own key.
		assertEquals(OrganisationIndex.departmentKey("9999", "Office of Made-up Affairs"),
				OrganisationIndex.canonicalDepartmentKey("9999", "Office of Made-up Affairs"));
	}

	@Test
	void whatAFileAddsUnderTheReviewIsListedAndUnderANewDepartmentPutInIt() {
		Department state = ReviewFactory.eINSTANCE.createDepartment();
		state.setCode("019");
		state.setName("Department of State");
		Component bureau = ReviewFactory.eINSTANCE.createComponent();
		bureau.setCode("1900");
		bureau.setName("Bureau of Administration");
		state.getComponents().add(bureau);
		OrganisationIndex index = new OrganisationIndex(List.of(state));

		index.startFile();
		assertSame(state, index.department("1900", "STATE, DEPARTMENT OF"), "the review's department, by its agency");
		Component oig = index.component(state, null, "Office of Inspector General");
		assertSame(oig, index.component(state, null, "OFFICE OF INSPECTOR GENERAL"), "by normalised name");
		assertSame(bureau, index.component(state, "1900", null), "the review's component, by code");
		Office office = index.office(bureau, "19AQMM", "Acquisitions");
		Department made = index.department(null, "Office of Made-up Affairs");
		Component unit = index.component(made, "MU1", null);
		assertEquals("MU1", unit.getName(), "a component without name is named by its code");

		assertEquals(List.of(made), index.addedDepartments());
		assertEquals(1, index.addedComponents().size());
		assertSame(state, index.addedComponents().get(0)[0]);
		assertSame(oig, index.addedComponents().get(0)[1]);
		assertEquals(1, index.addedOffices().size());
		assertSame(office, index.addedOffices().get(0)[1]);
		assertEquals(List.of(unit), made.getComponents(), "a new department holds its components at once");
		assertTrue(state.getComponents().size() == 1, "the review is not changed outside a command");

		List<Department> lastFile = index.addedDepartments();
		index.startFile();
		assertTrue(index.addedDepartments().isEmpty() && index.addedComponents().isEmpty());
		assertEquals(List.of(made), lastFile, "the last file's list stays as it was");
		assertSame(made, index.department(null, "OFFICE OF MADE-UP AFFAIRS"), "known from the last file");
		assertTrue(index.addedDepartments().isEmpty());
	}

	@Test
	void whatAFileAddsUnderAnEarlierFilesDepartmentIsListedNotPutIn() {
		OrganisationIndex index = new OrganisationIndex(List.of());
		index.startFile();
		Department earlier = index.department(null, "Office of Made-up Affairs");
		Component trials = index.component(earlier, null, "Bureau of Trials");
		index.startFile();
		Component errors = index.component(earlier, null, "Bureau of Errors");
		Office desk = index.office(trials, "D1", "Help desk");
		assertEquals(List.of(trials), earlier.getComponents(), "the earlier file's department changes by command");
		assertTrue(trials.getOffices().isEmpty());
		assertEquals(1, index.addedComponents().size());
		assertSame(errors, index.addedComponents().get(0)[1]);
		assertSame(desk, index.addedOffices().get(0)[1]);
	}

	@Test
	void aFileForgottenLeavesTheIndexAsItWasBeforeIt() {
		Department state = ReviewFactory.eINSTANCE.createDepartment();
		state.setCode("019");
		state.setName("Department of State");
		OrganisationIndex index = new OrganisationIndex(List.of(state));
		index.startFile();
		Department failed = index.department(null, "Office of Made-up Affairs");
		Component unit = index.component(failed, "MU1", null);
		index.office(unit, "O1", null);
		Component bureau = index.component(state, "1900", "Bureau of Administration");
		index.forgetFile();

		assertTrue(index.addedDepartments().isEmpty() && index.addedComponents().isEmpty()
				&& index.addedOffices().isEmpty());
		assertTrue(state.getComponents().isEmpty());
		Department again = index.department(null, "OFFICE OF MADE-UP AFFAIRS");
		assertNotSame(failed, again, "the forgotten file's department is made anew");
		assertEquals(List.of(again), index.addedDepartments());
		Component bureauAgain = index.component(state, "1900", "Bureau of Administration");
		assertNotSame(bureau, bureauAgain, "and so is its component of the review's department");
		assertEquals(1, index.addedComponents().size());
		assertNotSame(unit, index.component(again, "MU1", null));
	}
}
