// Validates rendered Kubernetes objects with npm's kubernetes-models, whose JSON schemas know each field's type
// and which fields are required. Reads a JSON array of objects (the file named by the first argument) and prints a
// JSON array with one verdict per object: "valid", "invalid" (with the schema's message) or "no-model".
import { readFile } from "node:fs/promises";

// apiVersion -> the module whose exports are the kinds of that group and version.
function moduleFor(apiVersion) {
  if (apiVersion === "keda.sh/v1alpha1") {
    return "@kubernetes-models/keda/keda.sh/v1alpha1";
  }
  if (apiVersion === "monitoring.coreos.com/v1") {
    return "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
  }
  const core = apiVersion === "v1" || /^(apps|policy|autoscaling|batch|[a-z.]+\.k8s\.io)\/v[0-9a-z]+$/.test(apiVersion);
  return core ? `kubernetes-models/${apiVersion}` : null;
}

const objects = JSON.parse(await readFile(process.argv[2], "utf8"));
const verdicts = [];
for (const [index, object] of objects.entries()) {
  const verdict = { index, type: `${object.apiVersion}/${object.kind}`, name: object.metadata?.name };
  const module = moduleFor(object.apiVersion);
  const model = module && (await import(module))[object.kind];
  if (!model) {
    verdict.result = "no-model";
  } else {
    try {
      new model(object).validate();
      verdict.result = "valid";
    } catch (error) {
      verdict.result = "invalid";
      verdict.message = error.message;
    }
  }
  verdicts.push(verdict);
}
process.stdout.write(JSON.stringify(verdicts));
