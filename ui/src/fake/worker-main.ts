// Entry of the worker app's browser-test page: the real worker window, with the worker's fake
// backend answering its calls. `?state=new` is a worker whose laptop is not connected yet;
// `?state=audit-gap`, the sample with a hole in one laptop's audit chain.
import { mount } from 'svelte';
import WorkerApp from '../worker/WorkerApp.svelte';
import '../app.css';
import { installWorkerBackend, workerNew, workerSample } from './worker-backend';

const params = new URLSearchParams(location.search);
const state = params.get('state');
installWorkerBackend(state === 'new' ? workerNew() : { ...workerSample(), auditGap: state === 'audit-gap' });
mount(WorkerApp, { target: document.getElementById('app')! });
