// Entry of the worker app's browser-test page: the real worker window, with the worker's fake
// backend answering its calls. `?state=new` is a worker whose laptop is not connected yet.
import { mount } from 'svelte';
import WorkerApp from '../worker/WorkerApp.svelte';
import '../app.css';
import { installWorkerBackend, workerNew, workerSample } from './worker-backend';

const params = new URLSearchParams(location.search);
installWorkerBackend(params.get('state') === 'new' ? workerNew() : workerSample());
mount(WorkerApp, { target: document.getElementById('app')! });
