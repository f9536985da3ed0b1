import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/core/flow/validate';
import { SAMPLE_FLOWS } from '../../fakes/catalog/sampleFlows';

// The flows the local catalog stand-in is seeded with (`npm start`): opened from the Catalog view,
// a demo version must not be covered in problems.
describe('sample flows of the catalog stand-in', () => {
  for (const sample of SAMPLE_FLOWS) {
    sample.versions.forEach((version, index) => {
      it(`${sample.name} v${index + 1} is a DataFlow Functions flow without errors or warnings`, () => {
        const validation = validateText(version.fileText);
        assert.equal(validation.isFlow, true);
        const problems = validation.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
        assert.deepEqual(
          problems.map((finding) => `${finding.code}: ${finding.message}`),
          [],
        );
        assert.equal(validation.model?.top.name, sample.name);
      });
    });
  }
});
