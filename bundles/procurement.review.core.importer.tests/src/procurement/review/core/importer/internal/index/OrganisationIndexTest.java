package procurement.review.core.importer.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
