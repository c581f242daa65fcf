// Entry of the worker app's window (worker.html): its own page, built into its own folder
// (ui/dist-worker), so a person's app never carries the worker's screens.
import { mount } from 'svelte';
import WorkerApp from './WorkerApp.svelte';
import '../app.css';

mount(WorkerApp, { target: document.getElementById('app')! });
