#!/usr/bin/env node
// The `playcart` command (npx playcart migrate): runs the compiled CLI.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
