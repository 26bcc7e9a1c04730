// Parses PromQL expressions with Prometheus's own grammar (@prometheus-io/lezer-promql, the parser of Prometheus's
// web UI). Reads a JSON array of expressions (the file named by the first argument) and prints a JSON array with one
// verdict per expression: the offsets of syntax errors (none when it parses) and the series names its vector
// selectors read (the Identifier of each VectorSelector).
import { readFile } from "node:fs/promises";
import { parser } from "@prometheus-io/lezer-promql";

const expressions = JSON.parse(await readFile(process.argv[2], "utf8"));
const verdicts = expressions.map((expr) => {
  const errors = [];
  const names = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(node.from);
      } else if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") {
        names.push(expr.slice(node.from, node.to));
      }
    },
  });
  return { errors, names: [...new Set(names)] };
});
process.stdout.write(JSON.stringify(verdicts));
